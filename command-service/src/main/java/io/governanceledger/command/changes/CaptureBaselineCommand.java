package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered with the baseline's number. */
public record CaptureBaselineCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String name,
        String decisionId,
        String changeRequestId) {}
