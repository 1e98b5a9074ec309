package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawChangeRequestCommand(
        @TargetAggregateIdentifier String changesId, String programId, String changeRequestId) {}
