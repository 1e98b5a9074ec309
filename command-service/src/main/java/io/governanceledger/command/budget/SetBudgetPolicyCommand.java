package io.governanceledger.command.budget;

import io.governanceledger.events.budget.MovementKind;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The program's approval policy: above {@code fourEyesThreshold} a movement needs two approvers; the
 * kinds in {@code authorisationRequiredFor} must name an approved decision; a pending movement
 * expires after {@code approvalWindowDays}.
 */
public record SetBudgetPolicyCommand(
        @TargetAggregateIdentifier String budgetId,
        String programId,
        BigDecimal fourEyesThreshold,
        Set<MovementKind> authorisationRequiredFor,
        int approvalWindowDays) {}
