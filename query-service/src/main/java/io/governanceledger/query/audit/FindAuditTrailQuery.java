package io.governanceledger.query.audit;

import io.governanceledger.query.pointintime.PointInTime;
import java.time.Instant;

/**
 * A program's events filtered by record kind and id, actor, correlation id, and ranges of recorded
 * and effective time (from inclusive, to exclusive); every filter optional. Answered by an optional
 * {@link AuditTrailView}, empty for an unknown program. Only events recorded by {@code knownAt}
 * (null: now) are listed; with {@code asOf}, only those effective by the end of that day (and the first
 * event of a record with them); without it, whatever their effective time, future ones included.
 * With {@code withAccess} false, grants and deputy appointments are left out (the caller may read the
 * program but not who has access to it).
 */
public record FindAuditTrailQuery(
        String programId,
        String recordKind,
        String recordId,
        String actor,
        String correlationId,
        Instant recordedFrom,
        Instant recordedTo,
        Instant effectiveFrom,
        Instant effectiveTo,
        int offset,
        int limit,
        PointInTime point,
        boolean withAccess) {}
