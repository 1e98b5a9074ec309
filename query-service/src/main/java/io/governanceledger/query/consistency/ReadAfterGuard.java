package io.governanceledger.query.consistency;

import io.governanceledger.query.pointintime.RequestedPoint;
import io.governanceledger.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read your own writes: a read sent with {@value #HEADER} naming an event (the {@code Ledger-Event-Id}
 * a command's answer carries) is answered only once every read model has taken in every event up to
 * that one's ledger position, so the answer includes the command's changes and those recorded before
 * them, and every later read of this service does too. The read waits for the event to be sealed into
 * the ledger order, then for the read models ({@link ReadModelCatchUp}); every event of the command
 * counts, since the one named is its last and the sealer never places an event of a transaction after
 * that transaction's last. Answered 503 {@code read-model-behind} if that takes longer than
 * {@code ledger.read-after.wait-ms}; with {@code ledger.read-after.max-waiting} reads already waiting,
 * answered 503 {@code read-after-busy} at once.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ReadAfterGuard extends OncePerRequestFilter {

    static final String HEADER = RequestedPoint.READ_AFTER;
    /** The same, in a workspace page's link (a redirect cannot carry a header). */
    private static final String READ_AFTER_PARAMETER = "readAfter";
    /** Event identifiers are UUIDs; anything else cannot name a recorded event. */
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcClient jdbc;
    private final ReadModelCatchUp catchUp;
    private final ProblemResponses problems;
    private final Duration wait;
    /** Each waiting read holds a request thread: beyond this many, a read is refused at once. */
    private final Semaphore waiting;

    ReadAfterGuard(
            JdbcClient jdbc,
            ReadModelCatchUp catchUp,
            ProblemResponses problems,
            @Value("${ledger.read-after.wait-ms:10000}") long waitMs,
            @Value("${ledger.read-after.max-waiting:64}") int maxWaiting) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
        this.problems = problems;
        this.wait = Duration.ofMillis(waitMs);
        this.waiting = new Semaphore(maxWaiting);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || RequestedPoint.of(request).flatMap(RequestedPoint::readAfter).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String eventId =
                RequestedPoint.of(request).flatMap(RequestedPoint::readAfter).orElseThrow();
        if (PageFallback.isPage(request)) {
            page(request, response, chain, eventId);
            return;
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            refuse(
                    response,
                    "'" + HEADER + "' is not an event id.",
                    "format",
                    "must be the id of a recorded event, as a command's answer gives it in Ledger-Event-Id");
            return;
        }
        Optional<Recorded> recorded = recorded(eventId);
        if (recorded.isEmpty()) {
            refuse(
                    response,
                    "'" + HEADER + "' " + eventId + " names no recorded event.",
                    "unknown-event",
                    "must name a recorded event");
            return;
        }
        if (!waiting.tryAcquire()) {
            problems.retryLater(
                    response, "read-after-busy", "Too many reads are waiting for the read models; retry in a moment.");
            return;
        }
        try {
            if (!awaitTakenIn(eventId, recorded.get().position())) {
                behind(response, eventId);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            behind(response, eventId);
            return;
        } finally {
            waiting.release();
        }
        chain.doFilter(request, response);
    }

    /**
     * A page's link after a form: the page waits as the API's read does; when that cannot be (no such
     * event, too many waiting, the read models behind), the page is shown as it is, without the wait.
     */
    private void page(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String eventId)
            throws ServletException, IOException {
        Optional<Recorded> recorded = EVENT_ID.matcher(eventId).matches() ? recorded(eventId) : Optional.empty();
        boolean waited = false;
        if (recorded.isPresent() && waiting.tryAcquire()) {
            try {
                waited = awaitTakenIn(eventId, recorded.get().position());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.release();
            }
        }
        if (waited) {
            chain.doFilter(request, response);
        } else {
            PageFallback.without(request, response, READ_AFTER_PARAMETER, false);
        }
    }

    private void behind(HttpServletResponse response, String eventId) throws IOException {
        problems.retryLater(
                response,
                "read-model-behind",
                "The read models have not yet taken in event " + eventId + " within " + wait.toMillis()
                        + " ms; retry in a moment.");
    }

    private void refuse(HttpServletResponse response, String detail, String rule, String message) throws IOException {
        problems.write(
                response,
                ProblemResponses.invalidInput(detail, List.of(new ProblemResponses.FieldError(HEADER, rule, message))));
    }

    /** A stored event; {@code position} is null until it is sealed into the ledger order. */
    private record Recorded(Long position) {}

    private Optional<Recorded> recorded(String eventId) {
        return jdbc.sql("""
                        SELECT l.position FROM event_store.domain_event_entry e
                        LEFT JOIN event_store.ledger_entry l ON l.global_index = e.global_index
                        WHERE e.event_identifier = ?""")
                .param(eventId)
                .query((row, index) -> new Recorded(row.getObject(1, Long.class)))
                .optional();
    }

    private boolean awaitTakenIn(String eventId, Long sealedAt) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Long[] position = {sealedAt};
        boolean sealed = position[0] != null
                || catchUp.awaitUntil(
                        () -> (position[0] = recorded(eventId).orElseThrow().position()) != null, deadline);
        return sealed && catchUp.awaitTakenIn(position[0], deadline);
    }
}
