package io.governanceledger.events.budget;

/** Answered by an optional {@link BudgetView}: empty for an unknown program. */
public record FindBudgetQuery(String programId) {
}
