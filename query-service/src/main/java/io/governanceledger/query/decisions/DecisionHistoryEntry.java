package io.governanceledger.query.decisions;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.timeline.Timeline;
import io.governanceledger.support.messaging.LedgerSerializer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

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
        Map<String, Object> payload) {

    /**
     * A record's history at a point, from its read model's facts table ({@code decision_fact},
     * {@code change_request_fact}, ...): its events recorded by the point's knownAt and effective by its
     * asOf, its first event with them, as in the fold its state comes from.
     */
    public static List<DecisionHistoryEntry> known(
            JdbcClient jdbc, String factsTable, String recordId, PointInTime point) {
        List<DecisionHistoryEntry> known = jdbc.sql(
                        "SELECT * FROM " + factsTable + " WHERE record_id = ? AND recorded_at <= ? ORDER BY position")
                .params(recordId, point.knownAtUtc())
                .query(DecisionHistoryEntry::of)
                .list();
        return Timeline.applying(known, DecisionHistoryEntry::effectiveAt, point.effectiveAt());
    }

    @SuppressWarnings("unchecked")
    private static DecisionHistoryEntry of(ResultSet row, int index) throws SQLException {
        return new DecisionHistoryEntry(
                row.getLong("position"),
                row.getString("event_id"),
                row.getString("event_type"),
                row.getString("actor"),
                instant(row, "recorded_at"),
                instant(row, "effective_at"),
                row.getString("reason"),
                row.getString("correlation_id"),
                row.getString("causation_id"),
                LedgerSerializer.fromJson(row.getString("payload"), Map.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
