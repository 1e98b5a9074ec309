package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * One movement as it stood on {@code asOf} (null: today) as recorded by {@code knownAt} (null: now);
 * answered by an optional {@link MovementView}.
 */
public record FindMovementQuery(String programId, String movementId, PointInTime point) {}
