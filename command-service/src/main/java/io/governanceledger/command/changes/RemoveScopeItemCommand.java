package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveScopeItemCommand(
        @TargetAggregateIdentifier String changesId, String programId, String itemId, String changeRequestId) {}
