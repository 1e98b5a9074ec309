package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * Why a line stands where it does on {@code asOf}, as recorded by {@code knownAt}: every leg booked on
 * it, oldest first, ending on its balances.
 */
public record BudgetLineLineageView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        String lineId,
        String workstream,
        CostCategory category,
        int fiscalYear,
        BalanceView current,
        List<LineageStepView> steps) {}
