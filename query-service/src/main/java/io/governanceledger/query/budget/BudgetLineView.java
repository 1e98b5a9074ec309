package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;

public record BudgetLineView(
        String lineId,
        String workstream,
        CostCategory category,
        int fiscalYear,
        String currency,
        BalanceView balance) {}
