package io.governanceledger.command.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refuser is the authenticated actor; the reason travels in the metadata. */
public record RefuseMovementCommand(
        @TargetAggregateIdentifier String budgetId, String programId, String movementId) {}
