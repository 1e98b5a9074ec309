package io.governanceledger.ledger;

import io.governanceledger.support.eventstore.EventStoreSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL with the event store's tables, for the ledger's tests; appends as the JDBC engine
 * writes them. Registered as a test class's extension ({@code @RegisterExtension static}), it stops
 * after the class and, if asked, empties the store before each test.
 */
final class LedgerTestDatabase implements BeforeEachCallback, AfterAllCallback {

    static final String SCHEMA = "event_store";

    private final EmbeddedPostgres postgres;
    private final boolean emptiedBeforeEach;
    final DataSource dataSource;

    private LedgerTestDatabase(boolean emptiedBeforeEach) {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        this.emptiedBeforeEach = emptiedBeforeEach;
        dataSource = postgres.getPostgresDatabase();
        new EventStoreSchema(dataSource, SCHEMA).migrate();
    }

    /** A store each test finds empty. */
    static LedgerTestDatabase emptiedBeforeEachTest() {
        return new LedgerTestDatabase(true);
    }

    /** A store the class fills once for all its tests. */
    static LedgerTestDatabase keptAcrossTests() {
        return new LedgerTestDatabase(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (emptiedBeforeEach) {
            reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** Empties the store the way only its owner can: with the immutability triggers switched off. */
    void reset() throws SQLException {
        asOwner(
                "DELETE FROM event_store.ledger_checkpoint",
                "DELETE FROM event_store.ledger_entry",
                "DELETE FROM event_store.unsealed_event",
                "DELETE FROM event_store.domain_event_entry",
                "UPDATE event_store.ledger_head SET position = 0, recorded_at = '-infinity',"
                        + " hash = '\\x0000000000000000000000000000000000000000000000000000000000000000'");
    }

    /** Runs statements as a privileged user who switched the triggers off (session_replication_role). */
    void asOwner(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static long append(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                        + " meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (?, ?, 'Test', ?, ?, ?, '1', 'TestEvent', ?) RETURNING global_index")) {
            insert.setString(1, aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, ("{\"programId\":\"" + aggregate + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8));
            insert.setString(6, Instant.now().toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Work whose time a test measures; it may talk to the database. */
    interface Timed {
        void run() throws SQLException;
    }

    /** The median time of {@code times} runs: tests compare two such medians as a ratio, never a time. */
    static long medianNanos(int times, Timed work) throws SQLException {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - started;
        }
        java.util.Arrays.sort(nanos);
        return nanos[times / 2];
    }
}
