package io.governanceledger.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as an auditor reads it. {@code recordKind} and {@code recordId} name the record it
 * belongs to (a decision, a budget movement, a contract, ...); {@code position} is its place in the
 * store's global order.
 */
public record AuditEntryView(
        long position,
        String eventId,
        String eventType,
        int eventRevision,
        String recordKind,
        String recordId,
        String aggregateId,
        long sequenceNumber,
        String actor,
        String actorName,
        String onBehalfOf,
        Instant recordedAt,
        Instant effectiveAt,
        String reason,
        String correlationId,
        String causationId,
        String clientAddress,
        Map<String, Object> payload) {}
