package io.governanceledger.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives committed events their ledger position, recorded time and chain hash, in commit order.
 *
 * <p>The sealer sees only committed appends (its query runs on a snapshot taken after it holds the
 * ledger head), so an event committed after a batch was read gets a later position than the whole
 * batch; events sealed together are ordered by the number their transaction drew as it began to
 * commit, then by append order. Either way, a transaction whose commit began after another's commit
 * had returned is placed after it. Rolled-back appends leave nothing queued, so positions have no
 * holes. Sealers in several processes take turns on the ledger head's row lock; each batch is one
 * transaction, so a crash loses nothing and seals nothing twice.
 */
public class LedgerSealer extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);

    private final DataSource dataSource;
    private final String schema;
    private final int batchSize;
    private final Duration safetyInterval;
    private final boolean background;
    private final Semaphore signal = new Semaphore(0);

    /**
     * @param background whether this process seals on its own thread; without it, events are sealed
     *                   only by {@link #sealAvailable()} calls or by another process's sealer
     */
    public LedgerSealer(
            DataSource dataSource, String schema, int batchSize, Duration safetyInterval, boolean background) {
        super("ledger-sealer");
        this.dataSource = dataSource;
        this.schema = schema;
        this.batchSize = batchSize;
        this.safetyInterval = safetyInterval;
        this.background = background;
    }

    /** Asks the sealer to look for committed events now (called on every append notification). */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Seals everything sealable now, in this thread; returns how many events were sealed. */
    public long sealAvailable() throws SQLException {
        long total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == batchSize);
        return total;
    }

    @Override
    protected boolean runsThread() {
        return background;
    }

    @Override
    protected void loop() {
        long backoffMs = 100;
        while (isRunning()) {
            try {
                sealAvailable();
                backoffMs = 100;
                signal.tryAcquire(safetyInterval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!isRunning()) {
                    return;
                }
                log.warn("Sealing events failed; retrying in {} ms: {}", backoffMs, e.getMessage());
                if (!backOff(backoffMs)) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    /** Seals the next batch of queued events, in this thread; returns how many it sealed. */
    int sealBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int sealed = sealBatch(connection);
                connection.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private int sealBatch(Connection connection) throws SQLException {
        Head head;
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT position, recorded_at, hash, clock_timestamp() AS now FROM "
                                + schema + ".ledger_head FOR UPDATE");
                ResultSet row = statement.executeQuery()) {
            row.next();
            head = new Head(
                    row.getLong("position"),
                    row.getTimestamp("recorded_at"),
                    row.getBytes("hash"),
                    row.getTimestamp("now").toInstant());
        }
        List<LedgerHash.Stored> events = new ArrayList<>();
        List<Long> globalIndexes = new ArrayList<>();
        Instant recordedAt = LedgerHash.truncate(
                head.recordedAt() == null || head.now().isAfter(head.recordedAt()) ? head.now() : head.recordedAt());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + SealedEvents.INDEXED_EVENT + " FROM " + schema + ".unsealed_event u JOIN " + schema
                        + ".domain_event_entry e USING (global_index) ORDER BY u.commit_seq, u.global_index LIMIT ?")) {
            statement.setInt(1, batchSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    globalIndexes.add(row.getLong(1));
                    events.add(SealedEvents.stored(row, SealedEvents.INDEXED_STORED));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        byte[] hash = head.hash();
        Timestamp recorded = Timestamp.from(recordedAt);
        Long[] positions = new Long[events.size()];
        byte[][] hashes = new byte[events.size()][];
        for (int i = 0; i < events.size(); i++) {
            positions[i] = head.position() + 1 + i;
            hash = LedgerHash.next(hash, positions[i], recordedAt, events.get(i));
            hashes[i] = hash;
        }
        // one round trip for the entries, the queue and the head: the sealer's commit is on the way
        // from a command's answer to the read models
        try (PreparedStatement seal = connection.prepareStatement("WITH sealed AS (INSERT INTO " + schema
                + ".ledger_entry (position, global_index, recorded_at, hash)"
                + " SELECT position, global_index, ?, hash FROM unnest(?::bigint[], ?::bigint[], ?::bytea[])"
                + " AS entry (position, global_index, hash)),"
                + " dequeued AS (DELETE FROM " + schema + ".unsealed_event WHERE global_index = ANY (?::bigint[]))"
                + " UPDATE " + schema + ".ledger_head SET position = ?, recorded_at = ?, hash = ?")) {
            Array indexes = connection.createArrayOf("bigint", globalIndexes.toArray());
            seal.setTimestamp(1, recorded);
            seal.setArray(2, connection.createArrayOf("bigint", positions));
            seal.setArray(3, indexes);
            seal.setArray(4, connection.createArrayOf("bytea", hashes));
            seal.setArray(5, indexes);
            seal.setLong(6, head.position() + events.size());
            seal.setTimestamp(7, recorded);
            seal.setBytes(8, hash);
            seal.executeUpdate();
        }
        return events.size();
    }

    private record Head(long position, Timestamp recordedAtValue, byte[] hash, Instant now) {
        Instant recordedAt() {
            // '-infinity' before the first event
            return recordedAtValue == null || recordedAtValue.getTime() < -62135596800000L
                    ? null
                    : recordedAtValue.toInstant();
        }
    }
}
