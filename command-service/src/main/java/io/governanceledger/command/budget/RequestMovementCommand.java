package io.governanceledger.command.budget;

import io.governanceledger.events.budget.BudgetMovement;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester is the authenticated actor of the command. */
public record RequestMovementCommand(
        @TargetAggregateIdentifier String budgetId, String programId, String movementId, BudgetMovement movement) {}
