package io.governanceledger.events.budget;

public record BudgetLineView(String lineId, String workstream, CostCategory category, int fiscalYear, String currency,
                             BalanceView balance) {
}
