package io.governanceledger.command.budget;

import io.governanceledger.events.budget.CostCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A delegation of authority as {@link ProgramBudget} keeps it. */
record Delegation(
        String delegationId,
        String holder,
        BigDecimal maxAmount,
        List<String> lineIds,
        List<CostCategory> categories,
        LocalDate validFrom,
        LocalDate validTo) {

    boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    boolean coversLine(BudgetLine line) {
        return (lineIds.isEmpty() || lineIds.contains(line.lineId))
                && (categories.isEmpty() || categories.contains(line.category));
    }
}
