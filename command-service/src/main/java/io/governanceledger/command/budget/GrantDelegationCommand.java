package io.governanceledger.command.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.Money;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Authority for {@code holder} to request and approve movements up to {@code maxAmount}; empty scopes mean all. */
public record GrantDelegationCommand(
        @TargetAggregateIdentifier String budgetId,
        String programId,
        String delegationId,
        String holder,
        Money maxAmount,
        List<String> lineIds,
        List<CostCategory> categories,
        LocalDate validFrom,
        LocalDate validTo) {}
