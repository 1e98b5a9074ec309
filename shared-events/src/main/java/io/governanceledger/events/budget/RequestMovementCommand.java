package io.governanceledger.events.budget;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester is the authenticated actor of the command. */
public record RequestMovementCommand(@TargetAggregateIdentifier String budgetId,
                                     String programId,
                                     String movementId,
                                     BudgetMovement movement) {
}
