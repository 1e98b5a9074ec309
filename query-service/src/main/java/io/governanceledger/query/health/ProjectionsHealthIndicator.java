package io.governanceledger.query.health;

import io.governanceledger.ledger.LedgerReader;
import io.governanceledger.query.consistency.ReadModelPositions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether each read model keeps up with the ledger. A processor whose committed position (the lowest
 * of its segments' tokens, whichever instance holds them) is behind the ledger's last position and has not
 * moved for {@code ledger.projections.stall-after} is stalled: typically an event it cannot store,
 * which it retries with back-off rather than skip. Stalled processors turn this indicator DOWN, and so
 * does at once a processor failing on an event ({@link FailingEvents}: its position, type and error).
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<LedgerReader> ledger;
    private final EventStore eventStore;
    private final ReadModelPositions positions;
    private final FailingEvents failingEvents;
    private final Duration stallAfter;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Progress> lastSeen = new ConcurrentHashMap<>();

    ProjectionsHealthIndicator(
            EventProcessingConfiguration processing,
            ObjectProvider<LedgerReader> ledger,
            EventStore eventStore,
            ReadModelPositions positions,
            FailingEvents failingEvents,
            @Value("${ledger.projections.stall-after:PT60S}") Duration stallAfter) {
        this.processing = processing;
        this.ledger = ledger;
        this.eventStore = eventStore;
        this.positions = positions;
        this.failingEvents = failingEvents;
        this.stallAfter = stallAfter;
    }

    @Override
    public Health health() {
        long head = head();
        Map<String, Long> committed = positions.committed();
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean stalled = false;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            String name = entry.getKey();
            long position = committed.getOrDefault(name, 0L);
            Progress progress = lastSeen.compute(
                    name,
                    (key, previous) -> previous == null || previous.position() != position
                            ? new Progress(position, now)
                            : previous);
            boolean behind = position < head;
            var failure = failingEvents.current(name, position);
            boolean stuck = failure.isPresent()
                    || behind && Duration.between(progress.since(), now).compareTo(stallAfter) >= 0;
            stalled |= stuck;
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", processor.isRunning());
            state.put("committedPosition", position);
            state.put("storeHead", head);
            state.put("behind", Math.max(0, head - position));
            state.put(
                    "state",
                    stuck ? ProcessorState.STALLED : behind ? ProcessorState.CATCHING_UP : ProcessorState.CAUGHT_UP);
            failure.ifPresent(failed -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("position", failed.position());
                detail.put("eventType", failed.eventType());
                detail.put("error", failed.error());
                detail.put("since", failed.since().toString());
                detail.put("attempts", failed.attempts());
                state.put("failure", detail);
            });
            details.put(name, state);
        }
        return (stalled ? Health.down() : Health.up()).withDetails(details).build();
    }

    /** The ledger's last position; with Axon Server, its store's head. */
    private long head() {
        LedgerReader reader = ledger.getIfAvailable();
        if (reader != null) {
            return reader.headPosition();
        }
        TrackingToken headToken = eventStore.createHeadToken();
        return headToken == null ? 0 : headToken.position().orElse(0);
    }

    private record Progress(long position, Instant since) {}

    /** Where a read model's processor stands against the ledger's head. */
    enum ProcessorState {
        /** It has taken in every sealed event. */
        CAUGHT_UP,
        /** It is behind and moving. */
        CATCHING_UP,
        /** It failed on an event, or has made no progress for {@code ledger.projections.stall-after}. */
        STALLED
    }
}
