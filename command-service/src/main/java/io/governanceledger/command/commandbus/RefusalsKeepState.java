package io.governanceledger.command.commandbus;

import io.governanceledger.events.RuleViolation;
import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A command refused by a rule before any event was applied left the aggregate untouched, so its unit
 * of work need not roll back; rolling back would throw the aggregate out of the cache and make the
 * next command read its whole history again. A refusal after events were applied (state changed)
 * still rolls back: the interceptor turns it into an exception that is not a rule violation, with the
 * same details, so the client sees the same answer. A refusal decided on a cached aggregate that is
 * behind the store (another command service wrote since) is turned into a lost race and retried.
 */
public final class RefusalsKeepState implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore eventStore;

    public RefusalsKeepState(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Roll back on everything unchecked except a rule violation. */
    public static final RollbackConfiguration ROLLBACK =
            throwable -> !(throwable instanceof RuleViolationException)
                    && (throwable instanceof RuntimeException || throwable instanceof Error);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolationException refusal) {
            if (eventsStaged(unitOfWork)) {
                throw new RefusedAfterChanges(refusal.violation());
            }
            // a cached aggregate may lag behind another service's writes: a refusal decided on stale
            // state becomes a lost race, which rolls back (evicting it) and is retried on fresh state
            for (Aggregate<?> aggregate : loadedAggregates(unitOfWork)) {
                Long version = aggregate.version();
                long stored = eventStore.lastSequenceNumberFor(aggregate.identifierAsString()).orElse(-1L);
                if (version != null && stored > version) {
                    throw new ConcurrencyException("Aggregate " + aggregate.identifierAsString() + " was at version "
                                                           + version + " here and " + stored + " in the store");
                }
            }
            throw refusal;
        }
    }

    /** The aggregates the repositories loaded in this unit of work (under resources ending in "_AGGREGATES"). */
    static List<Aggregate<?>> loadedAggregates(UnitOfWork<?> unitOfWork) {
        List<Aggregate<?>> loaded = new ArrayList<>();
        for (Map.Entry<String, Object> resource : unitOfWork.root().resources().entrySet()) {
            if (resource.getKey().endsWith("_AGGREGATES") && resource.getValue() instanceof Map<?, ?> aggregates) {
                aggregates.values().stream().filter(Aggregate.class::isInstance).map(a -> (Aggregate<?>) a)
                          .forEach(loaded::add);
            }
        }
        return loaded;
    }

    /** The event bus keeps the events a unit of work applied under a resource ending in "_EVENTS". */
    static boolean eventsStaged(UnitOfWork<?> unitOfWork) {
        for (Map.Entry<String, Object> resource : unitOfWork.resources().entrySet()) {
            if (resource.getKey().endsWith("_EVENTS") && resource.getValue() instanceof Collection<?> events
                    && !events.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A rule violation raised after events were applied: rolls the unit of work back. */
    static final class RefusedAfterChanges extends CommandExecutionException {
        RefusedAfterChanges(RuleViolation violation) {
            super(violation.message(), null, violation);
        }
    }
}
