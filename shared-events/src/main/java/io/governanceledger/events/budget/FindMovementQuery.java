package io.governanceledger.events.budget;

/** Answered by an optional {@link MovementView}. */
public record FindMovementQuery(String programId, String movementId) {
}
