package io.governanceledger.events.audit;

import java.time.Instant;

/**
 * A program's events filtered by record kind and id, actor, correlation id, and ranges of recorded
 * and effective time (from inclusive, to exclusive); every filter optional. Answered by an optional
 * {@link AuditTrailView}, empty for an unknown program.
 */
public record FindAuditTrailQuery(String programId, String recordKind, String recordId, String actor, String correlationId,
                                  Instant recordedFrom, Instant recordedTo, Instant effectiveFrom, Instant effectiveTo,
                                  int offset, int limit) {
}
