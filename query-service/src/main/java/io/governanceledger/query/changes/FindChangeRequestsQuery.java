package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.query.pointintime.PointInTime;

/** The program's change register at a point, optionally of one status; answered by an optional {@link ChangeRegisterView}. */
public record FindChangeRequestsQuery(String programId, ChangeRequestStatus status, PointInTime point) {}
