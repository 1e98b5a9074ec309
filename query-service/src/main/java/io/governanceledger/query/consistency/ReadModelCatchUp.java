package io.governanceledger.query.consistency;

import io.governanceledger.ledger.AppendNotifications;
import io.governanceledger.ledger.LedgerReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Waits for the read models to catch up with the ledger, for the reads that must not be answered
 * before they have (as known at an instant, after a command's event). Woken by this instance's
 * processors as they commit ({@link ReadModelProgress}) and by PostgreSQL as events are sealed; it
 * looks again at least every {@code RECHECK} for processors of other instances.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ReadModelCatchUp {

    private static final long RECHECK_NANOS = Duration.ofMillis(50).toNanos();
    /** A segment further behind than this is waited for without reading what it has left to do. */
    private static final int MAX_EVENTS_READ = 5_000;

    private final ReadModelPositions positions;
    private final ReadModelProgress progress;
    private final EventProcessingConfiguration processing;
    private final LedgerReader ledger;

    ReadModelCatchUp(
            ReadModelPositions positions,
            ReadModelProgress progress,
            EventProcessingConfiguration processing,
            LedgerReader ledger,
            AppendNotifications sealedNotifications) {
        this.positions = positions;
        this.progress = progress;
        this.processing = processing;
        this.ledger = ledger;
        sealedNotifications.subscribe(progress::signal);
    }

    /** Whether {@code condition} held by {@code deadlineNanos} (a {@link System#nanoTime()}), looked at on each signal. */
    boolean awaitUntil(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (true) {
            long seen = progress.signals();
            if (condition.getAsBoolean()) {
                return true;
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            progress.awaitSignalAfter(seen, Math.min(remaining, RECHECK_NANOS));
        }
    }

    /** Whether every read model had taken in every event up to ledger position {@code upTo} by the deadline. */
    boolean awaitTakenIn(long upTo, long deadlineNanos) throws InterruptedException {
        Pending[] pending = {null};
        return awaitUntil(
                () -> {
                    pending[0] = Pending.upTo(upTo, pending[0], positions.bySegment(), streamingProcessors(), ledger);
                    return pending[0].takenIn();
                },
                deadlineNanos);
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
     * answers, and stores its position only every few seconds, so it is not waited for.
     */
    private record Pending(long upTo, long readAfter, List<TrackedEventMessage<?>> events, boolean takenIn) {

        /** Events read at most once per request, and again only if a segment is found further behind. */
        static Pending upTo(
                long upTo,
                Pending before,
                Map<String, Map<Integer, Long>> stored,
                Map<String, AbstractEventProcessor> processors,
                LedgerReader ledger) {
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
            Pending read = before != null && before.readAfter() <= lowest
                    ? before
                    : new Pending(upTo, lowest, ledger.readAfter(lowest, (int) (upTo - lowest)), false);
            for (var named : processors.entrySet()) {
                Map<Integer, Long> segments = stored.get(named.getKey());
                int[] ids =
                        segments.keySet().stream().mapToInt(Integer::intValue).toArray();
                for (var segment : segments.entrySet()) {
                    long at = segment.getValue();
                    Segment part = Segment.computeSegment(segment.getKey(), ids);
                    for (TrackedEventMessage<?> event : read.events()) {
                        long position = event.trackingToken().position().orElseThrow();
                        if (position > at
                                && named.getValue().eventHandlerInvoker().canHandle(event, part)) {
                            return new Pending(upTo, read.readAfter(), read.events(), false);
                        }
                    }
                }
            }
            return new Pending(upTo, read.readAfter(), read.events(), true);
        }
    }
}
