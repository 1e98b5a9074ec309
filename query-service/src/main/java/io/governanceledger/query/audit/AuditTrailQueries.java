package io.governanceledger.query.audit;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.timeline.RecordVersions;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.time.BusinessClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class AuditTrailQueries {

    private static final String FILTER = """
            WHERE program_id = :programId
              AND (CAST(:kind AS VARCHAR) IS NULL OR record_kind = :kind)
              AND (CAST(:withAccess AS BOOLEAN) OR record_kind NOT IN ('ACCESS_GRANT', 'DEPUTY_APPOINTMENT'))
              AND (CAST(:recordId AS VARCHAR) IS NULL OR record_id = :recordId)
              AND (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
              AND (CAST(:correlationId AS VARCHAR) IS NULL OR correlation_id = :correlationId)
              AND (CAST(:recordedFrom AS TIMESTAMPTZ) IS NULL OR recorded_at >= :recordedFrom)
              AND (CAST(:recordedTo AS TIMESTAMPTZ) IS NULL OR recorded_at < :recordedTo)
              AND (CAST(:effectiveFrom AS TIMESTAMPTZ) IS NULL OR effective_at >= :effectiveFrom)
              AND (CAST(:effectiveTo AS TIMESTAMPTZ) IS NULL OR effective_at < :effectiveTo)
              AND recorded_at <= CAST(:knownAt AS TIMESTAMPTZ)
              AND (CAST(:asOfEnd AS TIMESTAMPTZ) IS NULL OR effective_at <= :asOfEnd
                   OR (sequence_number = 0 AND EXISTS (
                          SELECT 1 FROM audit_event later WHERE later.aggregate_id = audit_event.aggregate_id
                          AND later.recorded_at <= CAST(:knownAt AS TIMESTAMPTZ) AND later.effective_at <= :asOfEnd)))
            """;

    private final JdbcClient jdbc;
    private final KnownPrograms programs;
    private final BusinessClock clock;

    AuditTrailQueries(JdbcClient jdbc, KnownPrograms programs, BusinessClock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    @QueryHandler
    Optional<AuditTrailView> trail(FindAuditTrailQuery query) {
        PointInTime point = query.point();
        boolean known = point.asOfGiven()
                ? programs.contains(query.programId(), point)
                : programs.knownBy(query.programId(), point.knownAt());
        if (!known) {
            return Optional.empty();
        }
        Map<String, Object> filter = new HashMap<>();
        filter.put("programId", query.programId());
        filter.put("kind", query.recordKind());
        filter.put("withAccess", query.withAccess());
        filter.put("recordId", query.recordId());
        filter.put("actor", query.actor());
        filter.put("correlationId", query.correlationId());
        filter.put("recordedFrom", RecordVersions.utc(query.recordedFrom()));
        filter.put("recordedTo", RecordVersions.utc(query.recordedTo()));
        filter.put("effectiveFrom", RecordVersions.utc(query.effectiveFrom()));
        filter.put("effectiveTo", RecordVersions.utc(query.effectiveTo()));
        filter.put("knownAt", point.knownAtUtc());
        filter.put("asOfEnd", point.asOfGiven() ? point.effectiveAtUtc() : null);
        long total = jdbc.sql("SELECT count(*) FROM audit_event " + FILTER)
                .params(filter)
                .query(Long.class)
                .single();
        filter.put("limit", query.limit());
        filter.put("offset", query.offset());
        List<AuditEntryView> entries = jdbc.sql(
                        "SELECT * FROM audit_event " + FILTER + " ORDER BY position LIMIT :limit OFFSET :offset")
                .params(filter)
                .query(AuditTrailQueries::entry)
                .list();
        return Optional.of(new AuditTrailView(
                query.programId(),
                point.asOfGiven() ? point.stated() : null,
                point.knownAt(),
                total,
                query.offset(),
                query.limit(),
                entries));
    }

    @SuppressWarnings("unchecked")
    private static AuditEntryView entry(ResultSet row, int index) throws SQLException {
        return new AuditEntryView(
                row.getLong("position"),
                row.getString("event_id"),
                row.getString("event_type"),
                row.getInt("event_revision"),
                row.getString("record_kind"),
                row.getString("record_id"),
                row.getString("aggregate_id"),
                row.getLong("sequence_number"),
                row.getString("actor"),
                row.getString("actor_name"),
                row.getString("on_behalf_of"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getTimestamp("effective_at").toInstant(),
                row.getString("reason"),
                row.getString("correlation_id"),
                row.getString("causation_id"),
                row.getString("client_address"),
                LedgerSerializer.fromJson(row.getString("payload"), Map.class));
    }

    @QueryHandler
    List<java.time.Instant> marks(FindRecordingMarksQuery query) {
        return jdbc.sql("""
                        SELECT max(recorded_at) AS mark FROM audit_event WHERE program_id = ?
                        GROUP BY (recorded_at AT TIME ZONE ?)::date ORDER BY mark
                        """)
                .params(query.programId(), query.zone())
                .query((row, index) ->
                        row.getObject("mark", java.time.OffsetDateTime.class).toInstant())
                .list();
    }
}
