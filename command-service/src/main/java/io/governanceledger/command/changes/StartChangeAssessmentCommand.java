package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor becomes the assessor. */
public record StartChangeAssessmentCommand(
        @TargetAggregateIdentifier String changesId, String programId, String changeRequestId) {}
