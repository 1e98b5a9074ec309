package io.governanceledger.support.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.governanceledger.support.eventstore.BackgroundLoop;

import javax.sql.DataSource;
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
    public LedgerSealer(DataSource dataSource, String schema, int batchSize, Duration safetyInterval,
                        boolean background) {
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
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position, recorded_at, hash, clock_timestamp() AS now FROM " + schema
                        + ".ledger_head FOR UPDATE");
             ResultSet row = statement.executeQuery()) {
            row.next();
            head = new Head(row.getLong("position"), row.getTimestamp("recorded_at"), row.getBytes("hash"),
                            row.getTimestamp("now").toInstant());
        }
        List<LedgerHash.Stored> events = new ArrayList<>();
        List<Long> globalIndexes = new ArrayList<>();
        Instant recordedAt = LedgerHash.truncate(head.recordedAt() == null || head.now().isAfter(head.recordedAt())
                                                         ? head.now() : head.recordedAt());
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
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + schema + ".ledger_entry (position, global_index, recorded_at, hash) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                long position = head.position() + 1 + i;
                hash = LedgerHash.next(hash, position, recordedAt, events.get(i));
                insert.setLong(1, position);
                insert.setLong(2, globalIndexes.get(i));
                insert.setTimestamp(3, recorded);
                insert.setBytes(4, hash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + schema + ".unsealed_event WHERE global_index = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", globalIndexes.toArray()));
            delete.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + schema + ".ledger_head SET position = ?, recorded_at = ?, hash = ?")) {
            update.setLong(1, head.position() + events.size());
            update.setTimestamp(2, recorded);
            update.setBytes(3, hash);
            update.executeUpdate();
        }
        return events.size();
    }

    private record Head(long position, Timestamp recordedAtValue, byte[] hash, Instant now) {
        Instant recordedAt() {
            // '-infinity' before the first event
            return recordedAtValue == null || recordedAtValue.getTime() < -62135596800000L ? null
                    : recordedAtValue.toInstant();
        }
    }
}
