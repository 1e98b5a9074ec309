package io.governanceledger.query.programs;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * A program as it stood on {@code asOf} (null: today) according to what was recorded by {@code knownAt}
 * (null: now); answered by an optional {@link ProgramView}, empty where the program did not exist.
 */
public record FindProgramQuery(String programId, PointInTime point) {}
