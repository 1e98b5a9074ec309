package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BudgetLineOpenedEvent(
        String programId, String lineId, String workstream, CostCategory category, int fiscalYear, String currency) {}
