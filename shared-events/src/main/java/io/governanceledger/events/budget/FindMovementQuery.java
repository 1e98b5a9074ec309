package io.governanceledger.events.budget;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * One movement as it stood on {@code asOf} (null: today) as recorded by {@code knownAt} (null: now);
 * answered by an optional {@link MovementView}.
 */
public record FindMovementQuery(String programId, String movementId, AsOf asOf, Instant knownAt) {
}
