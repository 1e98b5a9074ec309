package io.governanceledger.command.budget;

import io.governanceledger.command.budget.ProgramBudget.PendingMovement;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.axonframework.messaging.MetaData;

/**
 * What a budget movement must be, whatever the balances: a kind, a positive amount in cents in the
 * program's currency, lines of the program (two different ones for a transfer, one otherwise), the
 * reference its kind needs, and a date within the program's period. And when it takes effect: on its
 * own date, or the day it is requested; a refusal or expiry never before the movement it ends.
 */
final class MovementRules {

    private MovementRules() {}

    /** @param lineExists whether the program has a line of that id */
    static void requireWellFormed(BudgetMovement movement, String programCurrency, LineCheck lineExists) {
        if (movement == null || movement.kind() == null) {
            throw RuleViolationException.invalid("required", "kind", "is required");
        }
        requireMoney(movement.amount(), "amount", programCurrency);
        lineExists.require(movement.lineId(), "lineId");
        switch (movement.kind()) {
            case TRANSFER -> {
                lineExists.require(movement.toLineId(), "toLineId");
                if (movement.toLineId().equals(movement.lineId())) {
                    throw RuleViolationException.invalid("different-lines", "toLineId", "must differ from lineId");
                }
            }
            case COMMITMENT, ACTUAL -> requireText(movement.reference(), "reference");
            case RELEASE -> requireText(movement.commitmentReference(), "commitmentReference");
            default -> {}
        }
        if (movement.kind() != MovementKind.TRANSFER && movement.toLineId() != null) {
            throw RuleViolationException.invalid("transfer-only", "toLineId", "only a transfer has a second line");
        }
    }

    /** Refuses an id that names no line of the program, as the rule for {@code field}. */
    interface LineCheck {
        void require(String lineId, String field);

        static LineCheck of(Predicate<String> exists, String programLabel) {
            return (lineId, field) -> {
                if (lineId == null || !exists.test(lineId)) {
                    throw RuleViolationException.notFound(
                            "unknown-line", field, "Program " + programLabel + " has no budget line '" + lineId + "'.");
                }
            };
        }
    }

    static void requireMoney(Money money, String field, String programCurrency) {
        if (money == null || money.amount() == null) {
            throw RuleViolationException.invalid("required", field, "is required");
        }
        requireAmount(money.amount(), field);
        if (!programCurrency.equals(money.currency())) {
            throw RuleViolationException.invalid(
                    "currency-mismatch",
                    field,
                    "must be in the program's currency " + programCurrency + ", not " + money.currency());
        }
    }

    static void requireAmount(BigDecimal amount, String field) {
        if (amount.signum() <= 0) {
            throw RuleViolationException.invalid("positive", field, "must be positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("cents", field, "must have at most 2 decimals");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("required", field, "is required for this kind of movement");
        }
    }

    /**
     * A budget's movements fall within its program's period: from its start to its planned end, or, for
     * a program still open past its planned end, to today (a late invoice is booked; nothing is dated
     * beyond both).
     */
    static void requireWithinProgram(LocalDate effectiveDate, ProgramFacts program, LocalDate today) {
        LocalDate last = program.plannedEndDate().isAfter(today) ? program.plannedEndDate() : today;
        if (effectiveDate.isBefore(program.startDate()) || effectiveDate.isAfter(last)) {
            throw RuleViolationException.invalid(
                    "outside-program-period",
                    "effectiveDate",
                    "must fall within the "
                            + "program's period, " + program.startDate() + " to " + last
                            + (last.equals(today)
                                    ? " (its planned end, " + program.plannedEndDate() + ", has passed)"
                                    : ""));
        }
    }

    /** A movement without an effective date takes effect on the day it is requested, whenever it is approved. */
    static BudgetMovement dated(BudgetMovement movement, BusinessClock clock) {
        if (movement == null || movement.effectiveDate() != null) {
            return movement;
        }
        return on(movement, clock.today());
    }

    /**
     * A pending movement as the balance rules see it: on its own date, or, for one requested before
     * movements were dated on request, on the date its request took effect.
     */
    static BudgetMovement dated(PendingMovement pending, BusinessClock clock) {
        BudgetMovement movement = pending.movement();
        if (movement.effectiveDate() != null || pending.effectiveAt() == null) {
            return movement;
        }
        return on(movement, clock.dateOf(pending.effectiveAt()));
    }

    private static BudgetMovement on(BudgetMovement movement, LocalDate effectiveDate) {
        return new BudgetMovement(
                movement.kind(),
                movement.lineId(),
                movement.toLineId(),
                movement.amount(),
                movement.reference(),
                movement.commitmentReference(),
                movement.authorisingReference(),
                effectiveDate,
                movement.description());
    }

    /** A movement's events take effect at the start of its date (today for one undated). */
    static MetaData effectiveAt(BusinessClock clock, BudgetMovement movement) {
        LocalDate date = movement.effectiveDate() != null ? movement.effectiveDate() : clock.today();
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, clock.startOf(date).toString());
    }

    /**
     * A refusal or expiry takes effect when it happens, but never before the movement it ends: a
     * movement dated in December and refused in June was pending on no date at all, and is refused
     * from December on.
     */
    static MetaData endingAt(Instant when, PendingMovement movement) {
        Instant effective =
                movement.effectiveAt() != null && movement.effectiveAt().isAfter(when) ? movement.effectiveAt() : when;
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, effective.toString());
    }
}
