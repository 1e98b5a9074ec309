package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Set;

@Revision("1")
public record BudgetPolicySetEvent(String programId, BigDecimal fourEyesThreshold, Set<MovementKind> authorisationRequiredFor, int approvalWindowDays) {
}
