package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * The program's baselines at a point ({@code number} null), or one with its content and the check of
 * its hash; answered by an optional {@link BaselinesView}.
 */
public record FindBaselinesQuery(String programId, Integer number, PointInTime point) {}
