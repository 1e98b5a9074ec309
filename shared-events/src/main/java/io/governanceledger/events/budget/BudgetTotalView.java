package io.governanceledger.events.budget;

/** Totals of the lines of one fiscal year and/or category (a null key means all). */
public record BudgetTotalView(Integer fiscalYear, CostCategory category, BalanceView balance) {
}
