package io.governanceledger.events.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenBudgetLineCommand(@TargetAggregateIdentifier String budgetId,
                                    String programId,
                                    String lineId,
                                    String workstream,
                                    CostCategory category,
                                    int fiscalYear) {
}
