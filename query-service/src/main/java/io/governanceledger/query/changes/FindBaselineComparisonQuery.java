package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * Baseline {@code number} against baseline {@code against}, or against the program at the point when
 * {@code against} is null; answered by an optional {@link BaselineComparisonView}.
 */
public record FindBaselineComparisonQuery(String programId, int number, Integer against, PointInTime point) {}
