package io.governanceledger.events.budget;

/**
 * The pending movements {@code approver} may approve today: not their own request, not yet approved
 * by them, covered by one of their valid delegations. {@code programId} null means every program.
 * Answered by a list of {@link MovementView}.
 */
public record FindPendingApprovalsQuery(String approver, String programId) {
}
