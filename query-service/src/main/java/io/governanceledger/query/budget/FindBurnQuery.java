package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/** A program's budget over business time, as known at the point's instant, up to its date. */
public record FindBurnQuery(String programId, PointInTime point) {}
