package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * Who could read or change a program ({@code programId}), or the portfolio (null), at a point: answered
 * by an optional {@link AccessView}, empty for a program not recorded by the point's {@code knownAt}.
 */
public record FindAccessQuery(String programId, PointInTime point) {}
