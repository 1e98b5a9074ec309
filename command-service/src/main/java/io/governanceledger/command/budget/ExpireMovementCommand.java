package io.governanceledger.command.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when a pending movement's approval window has passed; does nothing if it was decided meanwhile. */
public record ExpireMovementCommand(
        @TargetAggregateIdentifier String budgetId, String programId, String movementId) {}
