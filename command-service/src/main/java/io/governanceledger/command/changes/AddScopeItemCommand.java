package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddScopeItemCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String itemId,
        String name,
        String description,
        String changeRequestId) {}
