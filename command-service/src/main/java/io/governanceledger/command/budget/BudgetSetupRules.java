package io.governanceledger.command.budget;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * How a budget is set up: a line has a well-formed, new id, a workstream, a category and a fiscal year
 * within the program; a policy has a positive four-eyes threshold in cents, if any, and an approval
 * window of 1 to 365 days. A line is part of the program's structure: once recorded, it is there on
 * every date the program is.
 */
final class BudgetSetupRules {

    private BudgetSetupRules() {}

    static void requireOpenable(OpenBudgetLineCommand command, ProgramFacts program, Predicate<String> lineExists) {
        if (!IdFormats.isRecordId(command.lineId())) {
            throw RuleViolationException.invalid("format", "lineId", IdFormats.RECORD_ID_RULE);
        }
        if (lineExists.test(command.lineId())) {
            throw RuleViolationException.conflict("line-exists", "Line " + command.lineId() + " already exists.");
        }
        if (command.workstream() == null || command.workstream().isBlank()) {
            throw RuleViolationException.invalid("required", "workstream", "must not be blank");
        }
        if (command.category() == null) {
            throw RuleViolationException.invalid("required", "category", "is required");
        }
        if (command.fiscalYear() < program.startDate().getYear()
                || command.fiscalYear() > program.plannedEndDate().getYear()) {
            throw RuleViolationException.invalid(
                    "within-program",
                    "fiscalYear",
                    "must lie within the program, " + program.startDate().getYear() + " to "
                            + program.plannedEndDate().getYear());
        }
    }

    /** A new line takes effect from the program's start (or now, for a program that starts later). */
    static Instant lineEffectiveFrom(ProgramFacts program, BusinessClock clock) {
        Instant programStart = clock.startOf(program.startDate());
        return programStart.isBefore(clock.now()) ? programStart : clock.now();
    }

    static void requireValidPolicy(SetBudgetPolicyCommand command) {
        if (command.fourEyesThreshold() != null) {
            MovementRules.requireAmount(command.fourEyesThreshold(), "fourEyesThreshold");
        }
        if (command.approvalWindowDays() < 1 || command.approvalWindowDays() > 365) {
            throw RuleViolationException.invalid("range", "approvalWindowDays", "must be 1 to 365 days");
        }
    }
}
