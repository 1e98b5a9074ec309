package io.governanceledger.events.budget;

/** Answered by an optional {@link BudgetLineLineageView}: empty for an unknown program or line. */
public record FindBudgetLineLineageQuery(String programId, String lineId) {
}
