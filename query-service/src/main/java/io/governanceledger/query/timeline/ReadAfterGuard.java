package io.governanceledger.query.timeline;

import io.governanceledger.support.eventstore.AppendNotifications;
import io.governanceledger.support.ledger.LedgerReader;
import io.governanceledger.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read your own writes: a read sent with {@value #HEADER} naming an event (the {@code Ledger-Event-Id}
 * a command's answer carries) is answered only once every read model that takes that event in has
 * committed it, so the answer includes the change and every later read of this service does too. The
 * read waits for the event to be sealed into the ledger order, then for the processors' segments that
 * handle it (as their own sequencing and handlers decide) to store a position at or past it; a read
 * model that does not handle the event is not waited for. Woken by this instance's processors as they
 * commit and by PostgreSQL as events are sealed; it looks again at least every {@code RECHECK} for
 * processors of other instances. Answered 503 {@code read-model-behind} if that takes longer than
 * {@code ledger.read-after.wait-ms}.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ReadAfterGuard extends OncePerRequestFilter {

    static final String HEADER = "Ledger-Read-After";
    /** Event identifiers are UUIDs; anything else cannot name a recorded event. */
    private static final Pattern EVENT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final long RECHECK_NANOS = Duration.ofMillis(50).toNanos();

    private final JdbcClient jdbc;
    private final LedgerReader ledger;
    private final ReadModelPositions positions;
    private final ReadModelProgress progress;
    private final EventProcessingConfiguration processing;
    private final ProblemResponses problems;
    private final Duration wait;

    ReadAfterGuard(JdbcClient jdbc, LedgerReader ledger, ReadModelPositions positions, ReadModelProgress progress,
                   EventProcessingConfiguration processing, ProblemResponses problems,
                   AppendNotifications sealedNotifications,
                   @Value("${ledger.read-after.wait-ms:10000}") long waitMs) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.positions = positions;
        this.progress = progress;
        this.processing = processing;
        this.problems = problems;
        this.wait = Duration.ofMillis(waitMs);
        sealedNotifications.subscribe(progress::signal);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String eventId = request.getHeader(HEADER).trim();
        if (!EVENT_ID.matcher(eventId).matches()) {
            refuse(response, "'" + HEADER + "' is not an event id.", "format",
                   "must be the id of a recorded event, as a command's answer gives it in Ledger-Event-Id");
            return;
        }
        if (!recorded(eventId)) {
            refuse(response, "'" + HEADER + "' " + eventId + " names no recorded event.", "unknown-event",
                   "must name a recorded event");
            return;
        }
        try {
            if (!awaitTakenIn(eventId)) {
                response.setHeader("Retry-After", "1");
                problems.write(response, ProblemResponses.problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind",
                        "The read models have not yet taken in event " + eventId + " within " + wait.toMillis()
                                + " ms; retry in a moment."));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String detail, String rule, String message) throws IOException {
        problems.write(response, ProblemResponses.invalidInput(detail, List.of(
                new ProblemResponses.FieldError(HEADER, rule, message))));
    }

    private boolean recorded(String eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry WHERE event_identifier = ?)")
                   .param(eventId).query(Boolean.class).single();
    }

    private boolean awaitTakenIn(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<TrackedEventMessage<?>> sealed = null;
        while (true) {
            long seen = progress.signals();
            if (sealed == null) {
                sealed = sealedAs(eventId);
            }
            if (sealed != null && takenIn(sealed)) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            progress.awaitSignalAfter(seen, Math.min(remaining, RECHECK_NANOS));
        }
    }

    /** The event as the processors receive it (upcast, at its ledger position), once it is sealed. */
    private List<TrackedEventMessage<?>> sealedAs(String eventId) {
        Optional<Long> position = jdbc.sql("""
                                           SELECT l.position FROM event_store.domain_event_entry e
                                           JOIN event_store.ledger_entry l ON l.global_index = e.global_index
                                           WHERE e.event_identifier = ?""")
                                      .param(eventId).query(Long.class).optional();
        return position.map(at -> ledger.readAfter(at - 1, 1)).orElse(null);
    }

    /** Whether every segment that handles one of these messages has stored a position at or past it. */
    private boolean takenIn(List<TrackedEventMessage<?>> messages) {
        Map<String, Map<Integer, Long>> stored = positions.bySegment();
        for (var named : processing.eventProcessors().entrySet()) {
            if (!(named.getValue() instanceof AbstractEventProcessor processor)
                    || !(named.getValue() instanceof StreamingEventProcessor)) {
                continue;
            }
            Map<Integer, Long> segments = stored.getOrDefault(named.getKey(), Map.of());
            int[] ids = segments.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (TrackedEventMessage<?> message : messages) {
                long position = message.trackingToken().position().orElseThrow();
                if (ids.length == 0 && processor.eventHandlerInvoker().canHandle(message, Segment.ROOT_SEGMENT)) {
                    return false; // the processor has not stored a position yet
                }
                for (var segment : segments.entrySet()) {
                    if (segment.getValue() < position && processor.eventHandlerInvoker().canHandle(
                            message, Segment.computeSegment(segment.getKey(), ids))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
