package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;

/** Totals of the lines of one fiscal year and/or category (a null key means all). */
public record BudgetTotalView(Integer fiscalYear, CostCategory category, BalanceView balance) {}
