package io.governanceledger.query.consistency;

import io.governanceledger.ledger.LedgerReader;
import io.governanceledger.query.pointintime.RequestedPoint;
import io.governanceledger.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes an answer "as known at C" final: asked again later, it is the same. A {@code knownAt} in the
 * future is refused (what will be known then is not known yet). One within the last second is held
 * until that second has passed, so a sealing batch stamped with it has committed; then the request
 * waits until every read model has taken in every event recorded by C ({@link ReadModelCatchUp}), and
 * is answered 503 if that takes longer than {@code WAIT}.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class KnownAtGuard extends OncePerRequestFilter {

    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final LedgerReader ledger;
    private final ReadModelCatchUp catchUp;
    private final ProblemResponses problems;
    /**
     * A ledger position every read model is known to have taken in. Positions only move forward (a
     * rebuild swaps in a copy that has caught up to the head), so an answer as known at an earlier
     * point needs no new look at the processors' tokens.
     */
    private final AtomicLong reachedByAll = new AtomicLong();

    KnownAtGuard(JdbcClient jdbc, LedgerReader ledger, ReadModelCatchUp catchUp, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.catchUp = catchUp;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !RequestedPoint.of(request)
                        .map(point -> point.knownAt().present())
                        .orElse(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestedPoint.Given<Instant> given =
                RequestedPoint.of(request).orElseThrow().knownAt();
        // a knownAt only the extended ISO form can write (a year of five digits, or before year 1) is
        // refused for what it means; any other the handler refuses for its form
        Instant knownAt = given.value() != null ? given.value() : extended(given.text());
        if (knownAt == null) {
            chain.doFilter(request, response);
            return;
        }
        if (knownAt.isBefore(Instant.parse("0001-01-01T00:00:00Z")) && PageFallback.isPage(request)) {
            PageFallback.without(request, response, "knownAt", true);
            return;
        }
        if (knownAt.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problems.write(
                    response,
                    ProblemResponses.invalidInput(
                            "'knownAt' " + knownAt + " is out of range.",
                            List.of(new ProblemResponses.FieldError("knownAt", "range", "must be after the year 1"))));
            return;
        }
        Instant now = jdbc.sql("SELECT clock_timestamp()")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        if (knownAt.isAfter(now) && PageFallback.isPage(request)) {
            PageFallback.without(request, response, "knownAt", true);
            return;
        }
        if (knownAt.isAfter(now)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problems.write(
                    response,
                    ProblemResponses.invalidInput(
                            "'knownAt' " + knownAt + " is in the future.",
                            List.of(new ProblemResponses.FieldError(
                                    "knownAt", "not-in-future", "must not be after " + now))));
            return;
        }
        if (given.value() == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Duration settling = Duration.between(now, knownAt.plus(SETTLE));
            if (!settling.isNegative()) {
                Thread.sleep(settling.toMillis() + 1);
            }
            if (!readModelsReached(knownAt)) {
                behind(response, knownAt);
                return;
            }
        } catch (InterruptedException e) {
            // stopping: answer, rather than leave an empty 200
            Thread.currentThread().interrupt();
            behind(response, knownAt);
            return;
        }
        chain.doFilter(request, response);
    }

    private static Instant extended(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void behind(HttpServletResponse response, Instant knownAt) throws IOException {
        problems.retryLater(
                response,
                "read-model-behind",
                "The read models have not yet taken in everything recorded by " + knownAt + "; retry in a moment.");
    }

    private boolean readModelsReached(Instant knownAt) throws InterruptedException {
        OptionalLong recorded = ledger.lastPositionRecordedBy(knownAt);
        if (recorded.isEmpty() || recorded.getAsLong() <= reachedByAll.get()) {
            return true;
        }
        long needed = recorded.getAsLong();
        if (!catchUp.awaitTakenIn(needed, System.nanoTime() + WAIT.toNanos())) {
            return false;
        }
        reachedByAll.accumulateAndGet(needed, Math::max);
        return true;
    }
}
