package io.governanceledger.command.decisions;

import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The cross-aggregate rule "this record is authorised by an approved decision of the same program",
 * asked by the handlers of the records a decision authorises (budget movements, amendments). A
 * reference of the form {@code CR-n} names a change request instead, which authorises while it is
 * approved or being implemented ({@link DecisionFollowers#authorises}).
 */
public interface DecisionStanding {

    /** A rule violation on {@code field} unless {@code decisionId} is an approved decision of the program. */
    void requireApproved(String programId, String decisionId, String field);

    @Component
    class FromRepository implements DecisionStanding {

        private final Repository<Decision> decisions;
        private final DecisionFollowers followers;

        public FromRepository(Repository<Decision> decisions, DecisionFollowers followers) {
            this.decisions = decisions;
            this.followers = followers;
        }

        @Override
        public void requireApproved(String programId, String decisionId, String field) {
            if (DecisionFollowers.namesChangeRequest(decisionId)) {
                if (!followers.authorises(programId, decisionId)) {
                    throw RuleViolationException.invalid(
                            "approved-change-required",
                            field,
                            "'" + decisionId + "' is not an approved change request of program " + programId
                                    + " (approved or being implemented)");
                }
                return;
            }
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
