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
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Read your own writes: a read sent with {@value #HEADER} naming an event (the {@code Ledger-Event-Id}
 * a command's answer carries) is answered only once every read model has taken in every event up to
 * that one's ledger position, so the answer includes the command's changes and those recorded before
 * them, and every later read of this service does too. The read waits for the event to be sealed into
 * the ledger order, then for each processor segment that handles an event up to there (as its
 * handlers and sequencing decide) to store a position at or past it. Woken by this instance's
 * processors as they commit and by PostgreSQL as events are sealed; it looks again at least every
 * {@code RECHECK} for processors of other instances. Answered 503 {@code read-model-behind} if that
 * takes longer than {@code ledger.read-after.wait-ms}; with {@code ledger.read-after.max-waiting} reads
 * already waiting, answered 503 {@code read-after-busy} at once.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ReadAfterGuard extends OncePerRequestFilter {

    static final String HEADER = "Ledger-Read-After";
    /** Event identifiers are UUIDs; anything else cannot name a recorded event. */
    private static final Pattern EVENT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final long RECHECK_NANOS = Duration.ofMillis(50).toNanos();
    /** A segment further behind than this is waited for without reading what it has left to do. */
    private static final int MAX_EVENTS_READ = 5_000;

    private final JdbcClient jdbc;
    private final LedgerReader ledger;
    private final ReadModelPositions positions;
    private final ReadModelProgress progress;
    private final EventProcessingConfiguration processing;
    private final ProblemResponses problems;
    private final Duration wait;
    /** Each waiting read holds a request thread: beyond this many, a read is refused at once. */
    private final Semaphore waiting;

    ReadAfterGuard(JdbcClient jdbc, LedgerReader ledger, ReadModelPositions positions, ReadModelProgress progress,
                   EventProcessingConfiguration processing, ProblemResponses problems,
                   AppendNotifications sealedNotifications,
                   @Value("${ledger.read-after.wait-ms:10000}") long waitMs,
                   @Value("${ledger.read-after.max-waiting:64}") int maxWaiting) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.positions = positions;
        this.progress = progress;
        this.processing = processing;
        this.problems = problems;
        this.wait = Duration.ofMillis(waitMs);
        this.waiting = new Semaphore(maxWaiting);
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
        if (!waiting.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            problems.write(response, ProblemResponses.problem(
                    HttpStatus.SERVICE_UNAVAILABLE, "read-after-busy",
                    "Too many reads are waiting for the read models; retry in a moment."));
            return;
        }
        try {
            if (!awaitTakenIn(eventId)) {
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

    private void behind(HttpServletResponse response, String eventId) throws IOException {
        response.setHeader("Retry-After", "1");
        problems.write(response, ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind",
                "The read models have not yet taken in event " + eventId + " within " + wait.toMillis()
                        + " ms; retry in a moment."));
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
        Long position = null;
        Pending pending = null;
        while (true) {
            long seen = progress.signals();
            if (position == null) {
                position = sealedAt(eventId).orElse(null);
            }
            if (position != null) {
                pending = Pending.upTo(position, pending, positions.bySegment(), streamingProcessors(), ledger);
                if (pending.takenIn()) {
                    return true;
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            progress.awaitSignalAfter(seen, Math.min(remaining, RECHECK_NANOS));
        }
    }

    /** The event's ledger position, once it is sealed. */
    private Optional<Long> sealedAt(String eventId) {
        return jdbc.sql("""
                        SELECT l.position FROM event_store.domain_event_entry e
                        JOIN event_store.ledger_entry l ON l.global_index = e.global_index
                        WHERE e.event_identifier = ?""")
                   .param(eventId).query(Long.class).optional();
    }

    private Map<String, AbstractEventProcessor> streamingProcessors() {
        Map<String, AbstractEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof AbstractEventProcessor handling && processor instanceof StreamingEventProcessor) {
                streaming.put(name, handling);
            }
        });
        return streaming;
    }

    /**
     * What stands between the read models and ledger position {@code upTo}: a segment whose stored
     * position is behind it and that handles an event in between (as its processor's handlers and
     * sequencing decide). A segment with nothing to handle there has nothing that could change its
     * answers, and stores its position only every few seconds, so it is not waited for. Every event up
     * to the position counts, so every event of the command does: the one named is its last, and the
     * sealer never places an event of a transaction after that transaction's last.
     */
    private record Pending(long upTo, long readAfter, List<TrackedEventMessage<?>> events, boolean takenIn) {

        /** Events read at most once per request, and again only if a segment is found further behind. */
        static Pending upTo(long upTo, Pending before, Map<String, Map<Integer, Long>> stored,
                            Map<String, AbstractEventProcessor> processors, LedgerReader ledger) {
            long lowest = upTo;
            for (String name : processors.keySet()) {
                Map<Integer, Long> segments = stored.getOrDefault(name, Map.of());
                if (segments.isEmpty()) {
                    return new Pending(upTo, upTo, List.of(), false); // not started: nothing stored yet
                }
                for (long at : segments.values()) {
                    if (upTo - at > MAX_EVENTS_READ) {
                        return new Pending(upTo, upTo, List.of(), false); // far behind: wait for it to move
                    }
                    lowest = Math.min(lowest, at);
                }
            }
            if (lowest == upTo) {
                return new Pending(upTo, upTo, List.of(), true);
            }
            Pending read = before != null && before.readAfter() <= lowest ? before
                    : new Pending(upTo, lowest, ledger.readAfter(lowest, (int) (upTo - lowest)), false);
            for (var named : processors.entrySet()) {
                Map<Integer, Long> segments = stored.get(named.getKey());
                int[] ids = segments.keySet().stream().mapToInt(Integer::intValue).toArray();
                for (var segment : segments.entrySet()) {
                    long at = segment.getValue();
                    Segment part = Segment.computeSegment(segment.getKey(), ids);
                    for (TrackedEventMessage<?> event : read.events()) {
                        long position = event.trackingToken().position().orElseThrow();
                        if (position > at && named.getValue().eventHandlerInvoker().canHandle(event, part)) {
                            return new Pending(upTo, read.readAfter(), read.events(), false);
                        }
                    }
                }
            }
            return new Pending(upTo, read.readAfter(), read.events(), true);
        }
    }
}
