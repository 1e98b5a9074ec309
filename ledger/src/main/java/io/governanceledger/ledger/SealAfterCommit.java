package io.governanceledger.ledger;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Wakes this process's sealer as soon as a unit of work that appended events has committed, so
 * events get their ledger position within milliseconds without the appending transaction sending a
 * database notification (which would serialise commits: see migration V5). Events published outside
 * a unit of work are appended at once, so the sealer is woken at once.
 */
public final class SealAfterCommit implements MessageDispatchInterceptor<EventMessage<?>> {

    private final LedgerSealer sealer;

    public SealAfterCommit(EventBus eventBus, LedgerSealer sealer) {
        this.sealer = sealer;
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> sealer.wakeUp());
        } else {
            sealer.wakeUp();
        }
        return (index, message) -> message;
    }
}
