package io.governanceledger.command.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeDelegationCommand(
        @TargetAggregateIdentifier String budgetId, String programId, String delegationId) {}
