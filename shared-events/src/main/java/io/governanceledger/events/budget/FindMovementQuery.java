package io.governanceledger.events.budget;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One movement as it stood on {@code asOf} (null: today) as recorded by {@code knownAt} (null: now);
 * answered by an optional {@link MovementView}.
 */
public record FindMovementQuery(String programId, String movementId, LocalDate asOf, Instant knownAt) {
}
