package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/** The program's milestones against its baseline at a point; answered by an optional {@link MilestonesView}. */
public record FindMilestonesQuery(String programId, PointInTime point) {}
