package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger order against a real PostgreSQL, with appends written the way the JDBC storage engine
 * writes them, by many concurrent transactions of which some roll back.
 */
class LedgerSealerTest {

    private static final String SCHEMA = LedgerTestDatabase.SCHEMA;

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.emptiedBeforeEachTest();

    private static final DataSource dataSource = database.dataSource;

    @Test
    void concurrentWritersWithRollbacksGetGapFreePositionsInCommitOrder() throws Exception {
        LedgerSealer sealer = new LedgerSealer(dataSource, SCHEMA, 50, Duration.ofMillis(20), true);
        sealer.start();
        ConcurrentLinkedQueue<Committed> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> rolledBack = new ConcurrentLinkedQueue<>();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            long seed = 1000L + w;
            pool.submit(() -> {
                try {
                    write(new Random(seed), 60, committed, rolledBack, sealer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        sealer.stop();
        sealer.sealAvailable();

        List<Sealed> ledger = ledger();
        long committedEvents =
                committed.stream().mapToLong(c -> c.globalIndexes().size()).sum();
        assertThat(rolledBack).isNotEmpty();
        assertThat(ledger).hasSize((int) committedEvents);
        for (int i = 0; i < ledger.size(); i++) {
            assertThat(ledger.get(i).position()).as("no hole").isEqualTo(i + 1L);
        }
        Map<Long, Long> positionOf = new HashMap<>();
        ledger.forEach(s -> positionOf.put(s.globalIndex(), s.position()));
        assertThat(positionOf.keySet()).doesNotContainAnyElementsOf(rolledBack);
        committed.forEach(c -> assertThat(positionOf.keySet()).containsAll(c.globalIndexes()));

        // a transaction whose commit began after another's commit had returned comes later
        List<Committed> byEnd = new ArrayList<>(committed);
        for (Committed earlier : byEnd) {
            long lastOfEarlier = earlier.globalIndexes().stream()
                    .mapToLong(positionOf::get)
                    .max()
                    .orElseThrow();
            for (Committed later : byEnd) {
                if (earlier.commitReturned() < later.commitStarted()) {
                    long firstOfLater = later.globalIndexes().stream()
                            .mapToLong(positionOf::get)
                            .min()
                            .orElseThrow();
                    assertThat(firstOfLater).as("committed after").isGreaterThan(lastOfEarlier);
                }
            }
        }
        for (int i = 1; i < ledger.size(); i++) {
            assertThat(ledger.get(i).recordedAt())
                    .isAfterOrEqualTo(ledger.get(i - 1).recordedAt());
        }
        assertThat(recomputedChainHead())
                .isEqualTo(ledger.get(ledger.size() - 1).hash());
        assertThat(count("SELECT count(*) FROM event_store.unsealed_event")).isZero();
    }

    @Test
    void aLongRunningAppendDoesNotHoldBackOthersAndIsPlacedWhenItCommits() throws Exception {
        LedgerSealer sealer = new LedgerSealer(dataSource, SCHEMA, 1000, Duration.ofSeconds(60), false);
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long slowEvent = append(slow, "slow", 0);
            try (Connection quick = dataSource.getConnection()) {
                quick.setAutoCommit(false);
                long quickEvent = append(quick, "quick", 0);
                assertThat(sealer.sealAvailable()).as("nothing committed yet").isZero();
                quick.commit();
                assertThat(sealer.sealAvailable()).isEqualTo(1);
                slow.commit();
                assertThat(sealer.sealAvailable()).isEqualTo(1);
                assertThat(ledger()).extracting(Sealed::globalIndex).containsExactly(quickEvent, slowEvent);
                assertThat(slowEvent).as("appended first, committed last").isLessThan(quickEvent);
            }
        }
    }

    /**
     * A bulk append (an import, an administrator's INSERT ... SELECT) is one transaction of many events:
     * its commit must cost in proportion to them. Before V6 each queued row's commit trigger walked all
     * of the transaction's rows, so the time grew with the square of the events. Compared as a ratio of
     * two sizes on the same machine, never as a time.
     */
    @Test
    void aBulkAppendCommitsInTimeProportionalToItsEventsAndIsSealedAsOneTransaction() throws Exception {
        bulkAppend("warm-up", 1_000);
        database.reset();
        long small = bulkAppend("small", 1_000);
        long smallStamp = count("SELECT min(commit_seq) FROM event_store.unsealed_event");
        long large = bulkAppend("large", 8_000);
        assertThat((double) large / small)
                .as("8x the events, %d ns vs %d ns", large, small)
                .isLessThan(24);

        assertThat(count("SELECT count(*) FROM event_store.unsealed_event WHERE commit_seq IS NULL"))
                .isZero();
        assertThat(count("SELECT count(DISTINCT commit_seq) FROM event_store.unsealed_event"))
                .as("one stamp each")
                .isEqualTo(2);
        assertThat(count(
                        "SELECT max(commit_seq) FROM event_store.unsealed_event u JOIN event_store.domain_event_entry e"
                                + " USING (global_index) WHERE e.aggregate_identifier LIKE 'large-%'"))
                .as("the later commit has the larger stamp")
                .isGreaterThan(smallStamp);
        LedgerSealer sealer = new LedgerSealer(dataSource, SCHEMA, 1_000, Duration.ofSeconds(60), false);
        assertThat(sealer.sealAvailable()).isEqualTo(9_000);
        List<Sealed> ledger = ledger();
        assertThat(ledger).hasSize(9_000);
        assertThat(count("SELECT max(l.position) FROM event_store.ledger_entry l JOIN event_store.domain_event_entry e"
                        + " USING (global_index) WHERE e.aggregate_identifier LIKE 'small-%'"))
                .isEqualTo(1_000);
        assertThat(recomputedChainHead())
                .isEqualTo(ledger.get(ledger.size() - 1).hash());
    }

    /**
     * A backlog (a bulk import, a restore, the queue after an outage) is sealed batch by batch from the
     * front of the queue, in commit order. Taking a batch must not cost more for what waits behind it:
     * before V7 each batch sorted the whole queue, and sealing slowed as the queue grew. Compared as a
     * ratio of two queue lengths on the same machine, never as a time.
     */
    @Test
    void takingABatchFromALongQueueCostsNoMoreThanFromAShortOne() throws Exception {
        LedgerSealer sealer = new LedgerSealer(dataSource, SCHEMA, 10, Duration.ofSeconds(60), false);
        bulkAppend("warm-up", 300);
        sealer.sealAvailable();
        bulkAppend("short", 400);
        long shortQueue = LedgerTestDatabase.medianNanos(
                30, () -> assertThat(sealer.sealBatch()).isEqualTo(10));
        bulkAppend("long", 60_000);
        long longQueue = LedgerTestDatabase.medianNanos(
                30, () -> assertThat(sealer.sealBatch()).isEqualTo(10));
        assertThat((double) longQueue / shortQueue)
                .as(
                        "a batch with 60,000 events queued took %d ns, with at most 400 queued %d ns",
                        longQueue, shortQueue)
                .isLessThan(3);
        assertThat(count("SELECT count(*) FROM event_store.ledger_entry l JOIN event_store.domain_event_entry e"
                        + " USING (global_index) WHERE e.aggregate_identifier LIKE 'long-%'"))
                .as("the 100 events left of the short append, committed first, are sealed first; then 200 of the long")
                .isEqualTo(200);
    }

    /** Appends {@code events} events in one statement and one transaction; returns the nanoseconds to commit. */
    private static long bulkAppend(String prefix, int events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            statement.executeUpdate(
                    "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT '" + prefix + "-' || n, 0, 'Test', gen_random_uuid()::text,"
                            + " convert_to('{\"programId\":\"" + prefix + "\"}', 'UTF8'),"
                            + " convert_to('{\"n\":' || n || '}', 'UTF8'), '1', 'TestEvent', now()::text"
                            + " FROM generate_series(1, " + events + ") n");
            connection.commit();
            return System.nanoTime() - started;
        }
    }

    @Test
    void sealedRowsCannotBeChangedOrRemoved() throws Exception {
        LedgerSealer sealer = new LedgerSealer(dataSource, SCHEMA, 1000, Duration.ofSeconds(60), false);
        try (Connection connection = dataSource.getConnection()) {
            append(connection, "a", 0);
        }
        assertThat(sealer.sealAvailable()).isEqualTo(1);
        for (String tampering : List.of(
                "UPDATE event_store.ledger_entry SET recorded_at = now()",
                "DELETE FROM event_store.ledger_entry",
                "TRUNCATE event_store.ledger_entry")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.execute(tampering))
                        .hasMessageContaining("events are immutable");
            }
        }
        assertThat(count("SELECT count(*) FROM event_store.ledger_entry")).isEqualTo(1);
    }

    private void write(
            Random random,
            int transactions,
            ConcurrentLinkedQueue<Committed> committed,
            ConcurrentLinkedQueue<Long> rolledBack,
            LedgerSealer sealer)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                String aggregate = UUID.randomUUID().toString();
                List<Long> indexes = new ArrayList<>();
                int events = 1 + random.nextInt(3);
                for (int e = 0; e < events; e++) {
                    indexes.add(append(connection, aggregate, e));
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(random.nextInt(4));
                    }
                }
                if (random.nextInt(5) == 0) {
                    connection.rollback();
                    rolledBack.addAll(indexes);
                } else {
                    long started = System.nanoTime();
                    connection.commit();
                    committed.add(new Committed(indexes, started, System.nanoTime()));
                    sealer.wakeUp();
                }
            }
        }
    }

    private static long append(Connection connection, String aggregate, long sequence) throws SQLException {
        return LedgerTestDatabase.append(connection, aggregate, sequence);
    }

    private static List<Sealed> ledger() throws SQLException {
        List<Sealed> ledger = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT position, global_index, recorded_at, hash FROM event_store.ledger_entry ORDER BY position")) {
            while (row.next()) {
                ledger.add(new Sealed(
                        row.getLong(1), row.getLong(2), row.getTimestamp(3).toInstant(), row.getBytes(4)));
            }
        }
        return ledger;
    }

    private static byte[] recomputedChainHead() throws SQLException {
        byte[] hash = LedgerHash.GENESIS;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT l.position, l.recorded_at, e.* FROM event_store.ledger_entry l"
                                + " JOIN event_store.domain_event_entry e USING (global_index) ORDER BY l.position")) {
            while (row.next()) {
                hash = LedgerHash.next(
                        hash,
                        new LedgerHash.Entry(
                                row.getLong("position"),
                                row.getTimestamp("recorded_at").toInstant(),
                                row.getString("event_identifier"),
                                row.getString("aggregate_identifier"),
                                row.getLong("sequence_number"),
                                row.getString("type"),
                                row.getString("payload_type"),
                                row.getString("payload_revision"),
                                row.getString("time_stamp"),
                                row.getBytes("meta_data"),
                                row.getBytes("payload")));
            }
        }
        return hash;
    }

    private static long count(String sql) throws SQLException {
        return database.count(sql);
    }

    private record Committed(List<Long> globalIndexes, long commitStarted, long commitReturned) {}

    private record Sealed(long position, long globalIndex, Instant recordedAt, byte[] hash) {}
}
