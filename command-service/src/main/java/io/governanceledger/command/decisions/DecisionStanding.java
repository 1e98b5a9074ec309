package io.governanceledger.command.decisions;

import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The cross-aggregate rule "this record is authorised by an approved decision of the same program",
 * asked by the handlers of the records a decision authorises (budget movements, later amendments).
 */
public interface DecisionStanding {

    /** A rule violation on {@code field} unless {@code decisionId} is an approved decision of the program. */
    void requireApproved(String programId, String decisionId, String field);

    @Component
    class FromRepository implements DecisionStanding {

        private final Repository<Decision> decisions;

        public FromRepository(Repository<Decision> decisions) {
            this.decisions = decisions;
        }

        @Override
        public void requireApproved(String programId, String decisionId, String field) {
            boolean approved;
            try {
                approved = decisions.load(decisionId).invoke(decision -> decision.isApprovedIn(programId));
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                approved = false;
            }
            if (!approved) {
                throw RuleViolationException.invalid(
                        "approved-decision-required",
                        field,
                        "'" + decisionId + "' is not an approved decision of program " + programId);
            }
        }
    }
}
