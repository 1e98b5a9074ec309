package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Which position an instant covers: "as known at" answers and the event source's start from a point in
 * time ask it on every request, at any depth of a long ledger.
 */
class LedgerReaderTest {

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.keptAcrossTests();

    private static final int BATCH = 1_000;
    private static final int EVENTS = 40_000;
    private static LedgerReader reader;

    /** 40,000 events sealed 1,000 at a time: 40 recorded times, positions 1-1,000 at the first. */
    @BeforeAll
    static void aLongLedger() throws SQLException {
        try (Connection connection = database.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT 'reader-' || n, 0, 'Test', gen_random_uuid()::text, convert_to('{}', 'UTF8'),"
                            + " convert_to('{\"n\":' || n || '}', 'UTF8'), '1', 'TestEvent', now()::text"
                            + " FROM generate_series(1, " + EVENTS + ") n");
        }
        new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, BATCH, Duration.ofSeconds(60), false)
                .sealAvailable();
        // the statistics autovacuum keeps on a live ledger, with which the planner chose the slow plan
        try (Connection connection = database.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE event_store.ledger_entry");
        }
        // one connection throughout, as from a service's pool: a lookup is timed, not a connection's start
        reader = new LedgerReader(
                new SingleConnectionDataSource(database.dataSource.getConnection(), true),
                LedgerTestDatabase.SCHEMA,
                JacksonSerializer.defaultSerializer(),
                NoOpEventUpcaster.INSTANCE);
    }

    @Test
    void anInstantCoversEveryPositionRecordedByIt() {
        Instant first = recordedAt(1);
        Instant last = recordedAt(EVENTS);
        assertThat(reader.lastPositionRecordedBy(first)).isEqualTo(OptionalLong.of(BATCH));
        assertThat(reader.lastPositionBefore(first)).isEmpty();
        assertThat(reader.lastPositionRecordedBy(first.minusNanos(1_000))).isEmpty();
        assertThat(reader.lastPositionRecordedBy(recordedAt(BATCH + 1))).isEqualTo(OptionalLong.of(2 * BATCH));
        assertThat(reader.lastPositionBefore(recordedAt(BATCH + 1))).isEqualTo(OptionalLong.of(BATCH));
        assertThat(reader.lastPositionRecordedBy(last)).isEqualTo(OptionalLong.of(EVENTS));
        assertThat(reader.lastPositionBefore(last)).isEqualTo(OptionalLong.of(EVENTS - BATCH));
        assertThat(reader.lastPositionRecordedBy(last.plusSeconds(3600))).isEqualTo(OptionalLong.of(EVENTS));
    }

    /**
     * An instant early in the ledger is answered as fast as a recent one: asked as max(position),
     * PostgreSQL walked back from the head through every later position (docs/performance.md).
     * Compared as a ratio of medians on the same machine, never as a time.
     */
    @Test
    void anEarlyInstantCostsNoMoreThanARecentOne() throws SQLException {
        Instant early = recordedAt(1);
        Instant second = recordedAt(BATCH + 1);
        Instant recent = recordedAt(EVENTS);
        long earlyNanos = LedgerTestDatabase.medianNanos(21, () -> reader.lastPositionRecordedBy(early));
        long recentNanos = LedgerTestDatabase.medianNanos(21, () -> reader.lastPositionRecordedBy(recent));
        long earlyBefore = LedgerTestDatabase.medianNanos(21, () -> reader.lastPositionBefore(second));
        long recentBefore = LedgerTestDatabase.medianNanos(21, () -> reader.lastPositionBefore(recent));
        assertThat((double) earlyNanos / recentNanos)
                .as("recorded by: %d ns early, %d ns recent", earlyNanos, recentNanos)
                .isLessThan(5);
        assertThat((double) earlyBefore / recentBefore)
                .as("before: %d ns early, %d ns recent", earlyBefore, recentBefore)
                .isLessThan(5);
    }

    private static Instant recordedAt(long position) {
        try {
            try (Connection connection = database.dataSource.getConnection();
                    var statement = connection.prepareStatement(
                            "SELECT recorded_at FROM event_store.ledger_entry WHERE position = ?")) {
                statement.setLong(1, position);
                try (var row = statement.executeQuery()) {
                    row.next();
                    return row.getTimestamp(1).toInstant();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
