package io.governanceledger.command.decisions;

import io.governanceledger.command.commandbus.OtherRecords;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import java.util.function.Function;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * What change control needs to know of a decision of the same program: the date an approved one was
 * taken (tolerances, baselines and exceptions are decided by one), and the body an open one goes to
 * (a change request is submitted to it).
 */
public interface DecisionFacts {

    /** The day the decision was approved; a rule violation on {@code field} unless it is an approved decision of the program. */
    LocalDate requireApproved(String programId, String decisionId, String field);

    /** The deciding body; a rule violation on {@code field} unless it is a proposed or deferred decision of the program. */
    String requireOpen(String programId, String decisionId, String field);

    @Component
    class FromRepository implements DecisionFacts {

        private final Repository<Decision> decisions;

        public FromRepository(Repository<Decision> decisions) {
            this.decisions = decisions;
        }

        @Override
        public LocalDate requireApproved(String programId, String decisionId, String field) {
            LocalDate approvedOn = ask(decisionId, decision -> decision.approvedOnIn(programId));
            if (approvedOn == null) {
                throw RuleViolationException.invalid(
                        "approved-decision-required",
                        field,
                        "'" + decisionId + "' is not an approved decision of program " + programId);
            }
            return approvedOn;
        }

        @Override
        public String requireOpen(String programId, String decisionId, String field) {
            String body = ask(decisionId, decision -> decision.openBodyIn(programId));
            if (body == null) {
                throw RuleViolationException.invalid(
                        "open-decision-required",
                        field,
                        "'" + decisionId + "' is not a proposed or deferred decision of program " + programId);
            }
            return body;
        }

        private <T> T ask(String decisionId, Function<Decision, T> question) {
            if (decisionId == null || decisionId.isBlank()) {
                return null;
            }
            return OtherRecords.ask(decisions, decisionId, question).orElse(null);
        }
    }
}
