package io.governanceledger.query.timeline;

import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.support.messaging.LedgerSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The facts and versions of one kind of record, in two tables named {@code <kind>_fact} and
 * {@code <kind>_version} (see the projections migrations for their columns).
 *
 * <p>Versions are never rewritten: a revision only closes a version's knowledge range (at the
 * position and recorded time of the fact that changed it) and opens new ones, so every answer ever
 * given can be given again.
 *
 * @param <S> the record's state, a value with equals
 */
public final class RecordVersions<S> {

    /** The version valid at a point on both clocks; bind {@code :knownAt} and {@code :effectiveAt}. */
    public static final String AT_POINT =
            "known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND effective @> CAST(:effectiveAt AS TIMESTAMPTZ)";

    private final JdbcClient jdbc;
    private final String facts;
    private final String versions;
    private final Class<S> stateType;
    private final BiFunction<S, Fact, S> fold;
    private final Function<S, Map<String, Object>> indexedColumns;

    /**
     * @param indexedColumns extra columns of the version table that queries filter and sort by,
     *                       computed from the state (empty map if none)
     */
    public RecordVersions(JdbcClient jdbc, String kind, Class<S> stateType, BiFunction<S, Fact, S> fold,
                          Function<S, Map<String, Object>> indexedColumns) {
        this.jdbc = jdbc;
        this.facts = kind + "_fact";
        this.versions = kind + "_version";
        this.stateType = stateType;
        this.fold = fold;
        this.indexedColumns = indexedColumns;
    }

    /**
     * Keeps the event as a fact of the record and revises the record's versions. A fact already kept
     * (a redelivered or replayed event) changes nothing.
     */
    public void record(String recordId, String programId, RecordedEvent event) {
        int added = jdbc.sql("INSERT INTO " + facts + """
                              (record_id, position, program_id, event_id, event_type, payload_type, actor, recorded_at,
                               effective_at, reason, correlation_id, causation_id, payload)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
                             ON CONFLICT DO NOTHING
                             """)
                        .params(recordId, event.position(), programId, event.eventId(), event.eventType(),
                                event.payload().getClass().getName(), event.actor(), event.recordedAtUtc(),
                                event.effectiveAtUtc(), event.reason(), event.correlationId(), event.causationId(),
                                event.payloadJson())
                        .update();
        if (added == 0) {
            return;
        }
        revise(recordId, programId, Timeline.of(facts(recordId), fold), event.position(), event.recordedAtUtc());
    }

    /** The record's facts in ledger order, as known now. */
    public List<Fact> facts(String recordId) {
        return jdbc.sql("SELECT position, recorded_at, effective_at, actor, reason, payload_type, payload FROM " + facts
                                + " WHERE record_id = ? ORDER BY position")
                   .param(recordId)
                   .query(RecordVersions::fact)
                   .list();
    }

    /** The record's state at a point on both clocks, if it existed there. */
    public Optional<S> at(String recordId, Instant knownAt, Instant effectiveAt) {
        return jdbc.sql("SELECT state FROM " + versions + " WHERE record_id = :recordId AND " + AT_POINT)
                   .param("recordId", recordId)
                   .param("knownAt", utc(knownAt))
                   .param("effectiveAt", utc(effectiveAt))
                   .query((row, index) -> state(row.getString("state")))
                   .optional();
    }

    public S state(String json) {
        return LedgerSerializer.fromJson(json, stateType);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private void revise(String recordId, String programId, List<Timeline.Segment<S>> timeline, long position,
                        OffsetDateTime recordedAt) {
        List<Timeline.Segment<S>> missing = new ArrayList<>(timeline);
        List<OpenVersion<S>> open = jdbc.sql("SELECT version_id, lower(effective) AS effective_from,"
                                                     + " upper(effective) AS effective_until, state FROM " + versions
                                                     + " WHERE record_id = ? AND known_until_position IS NULL")
                                        .param(recordId)
                                        .query((row, index) -> new OpenVersion<>(
                                                row.getLong("version_id"),
                                                new Timeline.Segment<>(instant(row, "effective_from"),
                                                                       instant(row, "effective_until"),
                                                                       state(row.getString("state")))))
                                        .list();
        for (OpenVersion<S> version : open) {
            if (!missing.remove(version.segment())) {
                jdbc.sql("UPDATE " + versions + " SET known_until_position = ?,"
                                 + " known_at = tstzrange(lower(known_at), ?, '[)') WHERE version_id = ?")
                    .params(position, recordedAt, version.versionId())
                    .update();
            }
        }
        for (Timeline.Segment<S> segment : missing) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("record_id", recordId);
            columns.put("program_id", programId);
            columns.put("known_from_position", position);
            columns.putAll(indexedColumns.apply(segment.state()));
            StringBuilder names = new StringBuilder();
            StringBuilder values = new StringBuilder();
            columns.keySet().forEach(name -> {
                names.append(name).append(", ");
                values.append(":").append(name).append(", ");
            });
            jdbc.sql("INSERT INTO " + versions + " (" + names + "known_at, effective, state) VALUES (" + values
                             + "tstzrange(:recordedAt, NULL, '[)'), tstzrange(:from, :until, '[)'), CAST(:state AS JSONB))")
                .params(columns)
                .param("recordedAt", recordedAt)
                .param("from", utc(segment.from()))
                .param("until", utc(segment.until()))
                .param("state", LedgerSerializer.toJson(segment.state()))
                .update();
        }
    }

    private static Fact fact(ResultSet row, int index) throws SQLException {
        Object event;
        try {
            event = LedgerSerializer.fromJson(row.getString("payload"), Class.forName(row.getString("payload_type")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a kept fact names an unknown event type " + row.getString("payload_type"), e);
        }
        return new Fact(row.getLong("position"), instant(row, "recorded_at"), instant(row, "effective_at"),
                        row.getString("actor"), row.getString("reason"), event);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record OpenVersion<S>(long versionId, Timeline.Segment<S> segment) {
    }
}
