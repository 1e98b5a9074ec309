package io.governanceledger.command.commandbus;

import io.governanceledger.support.messaging.RuleViolation;
import io.governanceledger.support.messaging.RuleViolationException;
import java.util.Collection;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A command refused by a rule before any event was applied left the aggregate untouched, so its unit
 * of work need not roll back; rolling back would throw the aggregate out of the cache and make the
 * next command read its whole history again. A refusal after events were applied (state changed)
 * still rolls back: the interceptor turns it into an exception that is not a rule violation, with the
 * same details, so the client sees the same answer. A command, refused or accepted, decided on a cached
 * aggregate that is behind the store (another command service wrote since) is turned into a lost race
 * and retried ({@link StaleAggregates}).
 */
public final class RefusalsKeepState implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore eventStore;

    public RefusalsKeepState(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Roll back on everything unchecked except a rule violation. */
    public static final RollbackConfiguration ROLLBACK = throwable -> !(throwable instanceof RuleViolationException)
            && (throwable instanceof RuntimeException || throwable instanceof Error);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result;
        try {
            result = chain.proceed();
        } catch (RuleViolationException refusal) {
            if (eventsStaged(unitOfWork)) {
                throw new RefusedAfterChanges(refusal.violation());
            }
            StaleAggregates.requireFresh(unitOfWork, eventStore);
            throw refusal;
        }
        StaleAggregates.requireFresh(unitOfWork, eventStore);
        return result;
    }

    /** The event bus keeps the events a unit of work applied under a resource ending in "_EVENTS". */
    static boolean eventsStaged(UnitOfWork<?> unitOfWork) {
        for (Map.Entry<String, Object> resource : unitOfWork.resources().entrySet()) {
            if (resource.getKey().endsWith("_EVENTS")
                    && resource.getValue() instanceof Collection<?> events
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
