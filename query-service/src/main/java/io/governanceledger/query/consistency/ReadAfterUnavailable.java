package io.governanceledger.query.consistency;

import io.governanceledger.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With Axon Server as the event store there is no ledger order to wait on: a read that asks to include
 * an event ({@value ReadAfterGuard#HEADER}) is refused rather than answered without it.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class ReadAfterUnavailable extends OncePerRequestFilter {

    private final ProblemResponses problems;

    ReadAfterUnavailable(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ReadAfterGuard.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        problems.write(
                response,
                ProblemResponses.problem(
                        HttpStatus.NOT_IMPLEMENTED,
                        "read-after-unavailable",
                        "'" + ReadAfterGuard.HEADER
                                + "' needs the PostgreSQL ledger order; this deployment stores events in Axon Server."));
    }
}
