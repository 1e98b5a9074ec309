package io.governanceledger.command.decisions;

import io.governanceledger.support.messaging.RuleViolationException;
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

        private final DecisionFacts decisions;
        private final DecisionFollowers followers;

        public FromRepository(DecisionFacts decisions, DecisionFollowers followers) {
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
            decisions.requireApproved(programId, decisionId, field);
        }
    }
}
