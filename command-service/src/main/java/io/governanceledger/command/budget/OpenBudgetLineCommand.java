package io.governanceledger.command.budget;

import io.governanceledger.events.budget.CostCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenBudgetLineCommand(
        @TargetAggregateIdentifier String budgetId,
        String programId,
        String lineId,
        String workstream,
        CostCategory category,
        int fiscalYear) {}
