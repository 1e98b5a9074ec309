package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/** The program's scope items and tolerances at a point; answered by an optional {@link ChangePlanView}. */
public record FindChangePlanQuery(String programId, PointInTime point) {}
