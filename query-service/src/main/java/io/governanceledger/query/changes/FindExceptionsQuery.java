package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;

/** The program's exceptions at a point, the open ones only if asked; answered by an optional {@link ExceptionsView}. */
public record FindExceptionsQuery(String programId, boolean openOnly, PointInTime point) {}
