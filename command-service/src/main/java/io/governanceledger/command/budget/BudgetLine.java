package io.governanceledger.command.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.LedgerEntry;

import java.math.BigDecimal;

/** A line's balances inside {@link ProgramBudget}; changed only by booked ledger entries. */
final class BudgetLine {

    final String lineId;
    final CostCategory category;
    BigDecimal allocated = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal actual = BigDecimal.ZERO;
    BigDecimal forecast = BigDecimal.ZERO;

    BudgetLine(String lineId, CostCategory category) {
        this.lineId = lineId;
        this.category = category;
    }

    BigDecimal available() {
        return allocated.subtract(committed).subtract(actual);
    }

    void apply(LedgerEntry entry) {
        switch (entry.measure()) {
            case ALLOCATED -> allocated = allocated.add(entry.delta());
            case COMMITTED -> committed = committed.add(entry.delta());
            case ACTUAL -> actual = actual.add(entry.delta());
            case FORECAST -> forecast = forecast.add(entry.delta());
        }
    }
}
