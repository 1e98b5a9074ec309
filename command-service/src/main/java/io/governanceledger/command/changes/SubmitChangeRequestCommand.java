package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitChangeRequestCommand(
        @TargetAggregateIdentifier String changesId, String programId, String changeRequestId, String decisionId) {}
