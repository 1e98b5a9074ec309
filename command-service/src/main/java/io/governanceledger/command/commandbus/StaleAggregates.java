package io.governanceledger.command.commandbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Records are kept in this service's caches between commands, and another command service may have
 * written one since. Appending to a stale record fails on its sequence number, but a decision taken
 * on a stale record that is only read (a program's standing, an authorising decision, the state a
 * deadline looks at, or any refusal) appends nothing to it. Before such a decision is kept, every
 * record the unit of work loaded is compared with its last stored sequence number; one that is
 * behind makes the work a lost race: it rolls back, which evicts the records, and is retried on
 * what the store holds.
 */
public final class StaleAggregates {

    private StaleAggregates() {}

    /**
     * Throws a {@link ConcurrencyException} if a record this unit of work loaded is behind the store.
     * For a record that applied events here, Axon's event store answers with the last of those (and
     * asks the database nothing): its version, so it is never found behind here. Its append decides
     * instead, on the sequence numbers: a stale one is a lost race, a new one whose id is taken is
     * refused as a duplicate.
     */
    public static void requireFresh(UnitOfWork<?> unitOfWork, EventStore eventStore) {
        for (Aggregate<?> aggregate : loadedAggregates(unitOfWork)) {
            Long version = aggregate.version();
            long stored = eventStore
                    .lastSequenceNumberFor(aggregate.identifierAsString())
                    .orElse(-1L);
            if (version != null && stored > version) {
                throw new ConcurrencyException("Aggregate " + aggregate.identifierAsString() + " was at version "
                        + version + " here and " + stored + " in the store");
            }
        }
    }

    /** The aggregates the repositories loaded in this unit of work (under resources ending in "_AGGREGATES"). */
    static List<Aggregate<?>> loadedAggregates(UnitOfWork<?> unitOfWork) {
        List<Aggregate<?>> loaded = new ArrayList<>();
        for (Map.Entry<String, Object> resource : unitOfWork.root().resources().entrySet()) {
            if (resource.getKey().endsWith("_AGGREGATES") && resource.getValue() instanceof Map<?, ?> aggregates) {
                aggregates.values().stream()
                        .filter(Aggregate.class::isInstance)
                        .map(a -> (Aggregate<?>) a)
                        .forEach(loaded::add);
            }
        }
        return loaded;
    }
}
