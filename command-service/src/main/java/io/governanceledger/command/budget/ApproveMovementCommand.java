package io.governanceledger.command.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The approver is the authenticated actor of the command. */
public record ApproveMovementCommand(
        @TargetAggregateIdentifier String budgetId, String programId, String movementId) {}
