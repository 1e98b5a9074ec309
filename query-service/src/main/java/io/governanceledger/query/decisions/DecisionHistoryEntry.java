package io.governanceledger.query.decisions;

import java.time.Instant;
import java.util.Map;

/** One stored event of a decision, as an auditor reads it: what, who, when recorded, effective when, why. */
public record DecisionHistoryEntry(
        long position,
        String eventId,
        String eventType,
        String actor,
        Instant recordedAt,
        Instant effectiveAt,
        String reason,
        String correlationId,
        String causationId,
        Map<String, Object> payload) {}
