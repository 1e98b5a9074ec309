package io.governanceledger.events.budget;

import java.util.List;

/** A program's budget: totals, every line, and totals per fiscal year, per category and per both. */
public record BudgetView(String programId, String currency, BalanceView total, List<BudgetLineView> lines,
                         List<BudgetTotalView> byFiscalYear, List<BudgetTotalView> byCategory,
                         List<BudgetTotalView> byFiscalYearAndCategory) {
}
