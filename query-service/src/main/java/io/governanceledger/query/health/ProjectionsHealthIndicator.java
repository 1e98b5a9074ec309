package io.governanceledger.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each read model keeps up with the store. A processor whose committed position (the lowest
 * of its segments' tokens, whichever instance holds them) is behind the store's head and has not
 * moved for {@code ledger.projections.stall-after} is stalled: typically an event it cannot store,
 * which it retries with back-off rather than skip. Stalled processors turn this indicator DOWN.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Duration stallAfter;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Progress> lastSeen = new ConcurrentHashMap<>();

    ProjectionsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
                               @Value("${ledger.projections.stall-after:PT60S}") Duration stallAfter) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.stallAfter = stallAfter;
    }

    @Override
    public Health health() {
        // an empty store has no head token
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        Map<String, Long> committed = new LinkedHashMap<>();
        jdbc.sql("""
                 SELECT processor_name,
                        min(COALESCE((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,
                                     (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint,
                                     -1)) AS position
                 FROM token_entry GROUP BY processor_name
                 """)
            .query((row, index) -> committed.put(row.getString("processor_name"), row.getLong("position")))
            .list();
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean stalled = false;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            String name = entry.getKey();
            long position = committed.getOrDefault(name, -1L);
            Progress progress = lastSeen.compute(name, (key, previous) ->
                    previous == null || previous.position() != position ? new Progress(position, now) : previous);
            boolean behind = position < head;
            boolean stuck = behind && Duration.between(progress.since(), now).compareTo(stallAfter) >= 0;
            stalled |= stuck;
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", processor.isRunning());
            state.put("committedPosition", position);
            state.put("storeHead", head);
            state.put("behind", Math.max(0, head - position));
            state.put("state", stuck ? "STALLED" : behind ? "CATCHING_UP" : "CAUGHT_UP");
            details.put(name, state);
        }
        return (stalled ? Health.down() : Health.up()).withDetails(details).build();
    }

    private record Progress(long position, Instant since) {
    }
}
