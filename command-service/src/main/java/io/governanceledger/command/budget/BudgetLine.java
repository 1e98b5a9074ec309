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

    /** By value, so a test fixture can compare the state a command left with the state its events rebuild. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BudgetLine line && lineId.equals(line.lineId) && category == line.category
                && allocated.compareTo(line.allocated) == 0 && committed.compareTo(line.committed) == 0
                && actual.compareTo(line.actual) == 0 && forecast.compareTo(line.forecast) == 0;
    }

    @Override
    public int hashCode() {
        return lineId.hashCode();
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
