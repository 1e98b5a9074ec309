package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/** One change request with its assessments, decision, trace and history at a point; an optional {@link ChangeRequestView}. */
public record FindChangeRequestQuery(String programId, String changeRequestId, PointInTime point) {}
