package io.governanceledger.events.budget;

import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BudgetPolicySetEvent(
        String programId,
        BigDecimal fourEyesThreshold,
        Set<MovementKind> authorisationRequiredFor,
        int approvalWindowDays) {}
