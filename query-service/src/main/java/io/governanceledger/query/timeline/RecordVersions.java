package io.governanceledger.query.timeline;

import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.support.messaging.LedgerSerializer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    public RecordVersions(
            JdbcClient jdbc,
            String kind,
            Class<S> stateType,
            BiFunction<S, Fact, S> fold,
            Function<S, Map<String, Object>> indexedColumns) {
        this.jdbc = jdbc;
        this.facts = kind + "_fact";
        this.versions = kind + "_version";
        this.stateType = stateType;
        this.fold = fold;
        this.indexedColumns = indexedColumns;
    }

    /**
     * Keeps the event as a fact of the record and revises the record's versions, when {@code store}
     * flushes. A fact already kept (a redelivered or replayed event) changes nothing.
     */
    public void record(ProjectionStore store, String recordId, String programId, RecordedEvent event) {
        record(store, recordId, programId, event, null);
    }

    /** As {@link #record(ProjectionStore, String, String, RecordedEvent)}; {@code whenNew} runs if the fact is new. */
    public void record(
            ProjectionStore store, String recordId, String programId, RecordedEvent event, Runnable whenNew) {
        store.defer(this, Revisions::new, new NewFact(recordId, programId, event, whenNew));
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

    /**
     * The facts a transaction adds, kept until it flushes: then the facts and open versions of every
     * record touched are read at once, each new fact revises its record's versions in memory, in
     * ledger order, and the rows go out in batches. A version opened and closed within the batch is
     * written once, closed.
     */
    private final class Revisions extends ProjectionStore.Pending<NewFact> {

        @Override
        protected void flush(ProjectionStore store) {
            String[] records = items.stream().map(NewFact::recordId).distinct().toArray(String[]::new);
            Map<String, List<Fact>> known = new HashMap<>();
            store.jdbc()
                    .sql(
                            "SELECT record_id, position, recorded_at, effective_at, actor, reason, payload_type, payload FROM "
                                    + facts + " WHERE record_id = ANY(?) ORDER BY record_id, position")
                    .param(records)
                    .query(row -> {
                        known.computeIfAbsent(row.getString("record_id"), key -> new ArrayList<>())
                                .add(fact(row, 0));
                    });
            Map<String, List<Version<S>>> open = new HashMap<>();
            store.jdbc()
                    .sql(
                            "SELECT record_id, version_id, lower(effective) AS effective_from, upper(effective) AS effective_until,"
                                    + " state FROM " + versions
                                    + " WHERE record_id = ANY(?) AND known_until_position IS NULL"
                                    + " ORDER BY version_id")
                    .param(records)
                    .query(row -> {
                        open.computeIfAbsent(row.getString("record_id"), key -> new ArrayList<>())
                                .add(new Version<>(
                                        row.getLong("version_id"),
                                        row.getString("record_id"),
                                        null,
                                        0,
                                        new Timeline.Segment<>(
                                                instant(row, "effective_from"),
                                                instant(row, "effective_until"),
                                                state(row.getString("state"))),
                                        null));
                    });
            List<Version<S>> opened = new ArrayList<>();
            for (NewFact fact : items) {
                RecordedEvent event = fact.event();
                List<Fact> recordFacts = known.computeIfAbsent(fact.recordId(), key -> new ArrayList<>());
                if (recordFacts.stream().anyMatch(kept -> kept.position() == event.position())) {
                    continue;
                }
                String payload = event.payloadJson();
                store.write(
                        "INSERT INTO " + facts + """
                             (record_id, position, program_id, event_id, event_type, payload_type, actor, recorded_at,
                              effective_at, reason, correlation_id, causation_id, payload)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
                            ON CONFLICT DO NOTHING
                            """,
                        fact.recordId(),
                        event.position(),
                        fact.programId(),
                        event.eventId(),
                        event.eventType(),
                        event.payload().getClass().getName(),
                        event.actor(),
                        event.recordedAtUtc(),
                        event.effectiveAtUtc(),
                        event.reason(),
                        event.correlationId(),
                        event.causationId(),
                        payload);
                // the fact as it reads back from its row, so states compare equal across batches
                recordFacts.add(new Fact(
                        event.position(),
                        event.recordedAt().truncatedTo(ChronoUnit.MICROS),
                        event.effectiveAt(),
                        event.actor(),
                        event.reason(),
                        LedgerSerializer.fromJson(payload, event.payload().getClass())));
                recordFacts.sort(Comparator.comparingLong(Fact::position));
                revise(
                        store,
                        fact,
                        Timeline.of(recordFacts, fold),
                        open.computeIfAbsent(fact.recordId(), key -> new ArrayList<>()),
                        opened);
                if (fact.whenNew() != null) {
                    fact.whenNew().run();
                }
            }
            for (Version<S> version : opened) {
                insert(store, version);
            }
        }

        /** Closes the open versions the new timeline no longer has, at the fact's position, and opens its new segments. */
        private void revise(
                ProjectionStore store,
                NewFact fact,
                List<Timeline.Segment<S>> timeline,
                List<Version<S>> open,
                List<Version<S>> opened) {
            long position = fact.event().position();
            OffsetDateTime recordedAt = fact.event().recordedAtUtc();
            List<Timeline.Segment<S>> missing = new ArrayList<>(timeline);
            for (Iterator<Version<S>> versions = open.iterator(); versions.hasNext(); ) {
                Version<S> version = versions.next();
                if (missing.remove(version.segment())) {
                    continue;
                }
                versions.remove();
                if (version.versionId != null) {
                    store.write(
                            "UPDATE " + RecordVersions.this.versions + " SET known_until_position = ?,"
                                    + " known_at = tstzrange(lower(known_at), ?, '[)') WHERE version_id = ?",
                            position,
                            recordedAt,
                            version.versionId);
                } else {
                    version.close(position, recordedAt);
                }
            }
            for (Timeline.Segment<S> segment : missing) {
                Version<S> version =
                        new Version<>(null, fact.recordId(), fact.programId(), position, segment, recordedAt);
                open.add(version);
                opened.add(version);
            }
        }

        private void insert(ProjectionStore store, Version<S> version) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("record_id", null);
            columns.putAll(indexedColumns.apply(version.segment().state()));
            String names = String.join(", ", columns.keySet());
            List<Object> values = new ArrayList<>();
            values.add(version.recordId);
            values.addAll(columns.values().stream().skip(1).toList());
            values.add(version.programId);
            values.add(version.knownFromPosition);
            values.add(version.knownUntilPosition);
            values.add(version.knownFrom);
            values.add(version.knownUntil);
            values.add(utc(version.segment().from()));
            values.add(utc(version.segment().until()));
            values.add(LedgerSerializer.toJson(version.segment().state()));
            store.write(
                    "INSERT INTO " + versions + " (" + names
                            + ", program_id, known_from_position, known_until_position,"
                            + " known_at, effective, state) VALUES (" + "?, ".repeat(columns.size() + 3)
                            + "tstzrange(?, ?, '[)'), tstzrange(?, ?, '[)'), CAST(? AS JSONB))",
                    values.toArray());
        }
    }

    private record NewFact(String recordId, String programId, RecordedEvent event, Runnable whenNew) {}

    private static Fact fact(ResultSet row, int index) throws SQLException {
        Object event;
        try {
            event = LedgerSerializer.fromJson(row.getString("payload"), Class.forName(row.getString("payload_type")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "a kept fact names an unknown event type " + row.getString("payload_type"), e);
        }
        return new Fact(
                row.getLong("position"),
                instant(row, "recorded_at"),
                instant(row, "effective_at"),
                row.getString("actor"),
                row.getString("reason"),
                event);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * A version: stored ({@code versionId}), or opened in this batch ({@code versionId} null) and then
     * perhaps closed in it too. Compared by identity: two versions may hold equal figures.
     */
    private static final class Version<S> {

        private final Long versionId;
        private final String recordId;
        private final String programId;
        private final long knownFromPosition;
        private final Timeline.Segment<S> segment;
        private final OffsetDateTime knownFrom;
        private Long knownUntilPosition;
        private OffsetDateTime knownUntil;

        Version(
                Long versionId,
                String recordId,
                String programId,
                long knownFromPosition,
                Timeline.Segment<S> segment,
                OffsetDateTime knownFrom) {
            this.versionId = versionId;
            this.recordId = recordId;
            this.programId = programId;
            this.knownFromPosition = knownFromPosition;
            this.segment = segment;
            this.knownFrom = knownFrom;
        }

        Timeline.Segment<S> segment() {
            return segment;
        }

        void close(long position, OffsetDateTime recordedAt) {
            knownUntilPosition = position;
            knownUntil = recordedAt;
        }
    }
}
