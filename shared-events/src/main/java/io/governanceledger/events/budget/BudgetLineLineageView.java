package io.governanceledger.events.budget;

import java.util.List;

/** Why a line stands where it does: every leg booked on it, oldest first, ending on its current balances. */
public record BudgetLineLineageView(String programId, String lineId, String workstream, CostCategory category,
                                    int fiscalYear, BalanceView current, List<LineageStepView> steps) {
}
