package io.governanceledger.command.changes;

import io.governanceledger.command.budget.CostControl;
import io.governanceledger.command.decisions.DecisionFollowers;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * What the decision log and the budget ask of a program's change control, answered in their unit of
 * work: a decision taken decides the change requests submitted to it; a change request's id authorises
 * while it is approved; a booking that moves the estimates may raise exceptions; an open cost exception
 * refuses new commitments on its lines. A program without change control has nothing to decide,
 * authorise or refuse.
 */
@Component
class ChangeControlPolicy implements DecisionFollowers, CostControl {

    private final Repository<ProgramChanges> changes;
    private final EventStore eventStore;
    private final BusinessClock clock;

    ChangeControlPolicy(Repository<ProgramChanges> changes, EventStore eventStore, BusinessClock clock) {
        this.changes = changes;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public void decisionTaken(
            String programId, String decisionId, DecisionStatus outcome, LocalDate decidedOn, String conditions) {
        load(programId)
                .ifPresent(program -> program.execute(changeControl ->
                        changeControl.decisionTaken(decisionId, outcome, decidedOn, conditions, clock)));
    }

    @Override
    public boolean authorises(String programId, String reference) {
        return ask(programId, changeControl -> changeControl.authorises(reference))
                .orElse(false);
    }

    @Override
    public void requireCommitmentAllowed(String programId, String lineId) {
        ask(
                        programId,
                        changeControl ->
                                changeControl.blockingCommitmentsOn(lineId).orElse(null))
                .ifPresent(exceptionId -> {
                    throw RuleViolationException.conflict(
                            "open-cost-exception",
                            "Exception " + exceptionId + " is open on budget line " + lineId
                                    + ": no new commitments on it until the board decides the exception.");
                });
    }

    @Override
    public void estimatesChanged(String programId, Map<String, BigDecimal> estimates) {
        load(programId)
                .ifPresent(
                        program -> program.execute(changeControl -> changeControl.estimatesChanged(estimates, clock)));
    }

    private <T> Optional<T> ask(String programId, Function<ProgramChanges, T> question) {
        return load(programId).map(program -> program.invoke(question));
    }

    /** Most programs' bookings and decisions find no change control: asked of the store first, not loaded and missed. */
    private Optional<Aggregate<ProgramChanges>> load(String programId) {
        if (eventStore.lastSequenceNumberFor(ProgramChanges.idOf(programId)).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(changes.load(ProgramChanges.idOf(programId)));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }
}
