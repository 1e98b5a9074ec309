package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * A program's budget: totals, every line, and totals per fiscal year, per category and per both, as
 * it stood on {@code asOf} according to what was recorded by {@code knownAt}.
 */
public record BudgetView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        String currency,
        BalanceView total,
        List<BudgetLineView> lines,
        List<BudgetTotalView> byFiscalYear,
        List<BudgetTotalView> byCategory,
        List<BudgetTotalView> byFiscalYearAndCategory) {}
