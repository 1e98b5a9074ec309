package io.governanceledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the ledger order a window of positions at a time, on reader threads of their own, so that
 * PostgreSQL and the driver produce the next windows while the walk hashes this one. Each reader
 * has a connection in the verifier's snapshot (the first is the verifier's own; the others import
 * it with {@code SET TRANSACTION SNAPSHOT}), so all of them read one and the same ledger; the walk
 * takes the windows in position order whatever order they were read in. With one reader, the
 * reader waits for PostgreSQL to run its queries and the walk waits for the reader.
 * Each window is read whole: its plan walks both primary keys in position order and returns rows at
 * once, where one query over the whole order, read through a cursor, was planned as a hash join
 * sorted on disk before its first row came back.
 */
final class LedgerScan implements AutoCloseable {
    /** Windows read but not yet walked, at most: bounds the memory of readers running ahead. */
    private static final int AHEAD = 4;

    private final DataSource dataSource;
    private final String schema;
    /** Positions read per query. */
    private final int range;

    private final int readerCount;
    private final Object lock = new Object();
    /** By window number: the positions read there (empty when none) or the failure reading them. */
    private final Map<Long, Object> read = new HashMap<>();

    private final List<Connection> imported = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private long handedOut;
    private long walked;
    private long nextFrom;
    /** No position lies after the windows handed out so far. */
    private boolean exhausted;
    /** The first failure of a reader, which stops the walk once it needs a window not read before it. */
    private Throwable failure;

    private boolean closed;

    LedgerScan(DataSource dataSource, String schema, int range, int readerCount, Connection connection)
            throws SQLException {
        this.dataSource = dataSource;
        this.schema = schema;
        this.range = range;
        this.readerCount = readerCount;
        Long first;
        try (PreparedStatement statement = firstStatement(connection)) {
            first = firstPositionAfter(statement, Long.MIN_VALUE);
        }
        exhausted = first == null;
        nextFrom = first == null ? 0 : first;
        List<Connection> connections = new ArrayList<>(List.of(connection));
        if (!exhausted) {
            try {
                connections.addAll(importSnapshot(connection));
            } catch (SQLException | RuntimeException e) {
                imported.forEach(LedgerScan::release);
                throw e;
            }
        }
        for (Connection reader : connections) {
            readers.add(LedgerVerifier.startDaemon(() -> read(reader), "ledger-verifier-reader"));
        }
    }

    /**
     * Connections for the other readers, each in the snapshot of the verifier's transaction; none when
     * the data source has no more to give (the walk then has one reader).
     */
    private List<Connection> importSnapshot(Connection connection) throws SQLException {
        String snapshot;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
            row.next();
            snapshot = row.getString(1);
        }
        for (int i = 1; i < readerCount; i++) {
            Connection other;
            try {
                other = dataSource.getConnection();
            } catch (SQLException e) {
                break;
            }
            try {
                other.setAutoCommit(false);
                other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (PreparedStatement statement =
                        other.prepareStatement("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'")) {
                    statement.execute();
                }
            } finally {
                imported.add(other); // released with the others, also when importing failed
            }
        }
        return imported;
    }

    /** The next window in position order; empty after the last. */
    @SuppressWarnings("unchecked")
    List<Sealed> next() throws SQLException {
        synchronized (lock) {
            while (true) {
                Object next = read.remove(walked);
                if (next != null) {
                    walked++;
                    lock.notifyAll();
                    throwIfFailure(next);
                    List<Sealed> range = (List<Sealed>) next;
                    if (!range.isEmpty()) {
                        return range;
                    }
                } else if (exhausted && walked >= handedOut) {
                    return List.of();
                } else if (failure != null && walked >= handedOut) {
                    // a reader stopped before it could claim a window, and no claimed window is
                    // still being read: a window claimed is always delivered, read or failed
                    throwIfFailure(failure);
                } else {
                    await();
                }
            }
        }
    }

    private static void throwIfFailure(Object read) throws SQLException {
        if (read instanceof SQLException failure) {
            throw failure;
        }
        if (read instanceof RuntimeException failure) {
            throw failure;
        }
        if (read instanceof Error failure) {
            throw failure;
        }
    }

    /** A window for a reader: its number, first and last position; null when there is none left. */
    private long[] claim() {
        synchronized (lock) {
            while (!closed && !exhausted && handedOut - walked >= AHEAD) {
                await();
            }
            if (closed || exhausted) {
                return null;
            }
            long from = nextFrom;
            long to = from > Long.MAX_VALUE - range ? Long.MAX_VALUE : from + range - 1;
            if (to == Long.MAX_VALUE) {
                exhausted = true;
            } else {
                nextFrom = to + 1;
            }
            return new long[] {handedOut++, from, to};
        }
    }

    /**
     * After an empty window, the next one starts at the first position present after it: empty
     * stretches (rows deleted by hand) are skipped, never walked window by window.
     */
    private void skipTo(Long position) {
        synchronized (lock) {
            if (position == null) {
                exhausted = true;
            } else if (position > nextFrom) {
                nextFrom = position;
            }
            lock.notifyAll();
        }
    }

    private void deliver(long window, Object rangeOrFailure) {
        synchronized (lock) {
            read.put(window, rangeOrFailure);
            lock.notifyAll();
        }
    }

    private void await() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }

    private PreparedStatement firstStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT min(position) FROM " + schema + ".ledger_entry WHERE position > ?");
    }

    private void read(Connection connection) {
        long[] window = null;
        try (PreparedStatement first = firstStatement(connection);
                PreparedStatement order = SealedEvents.prepare(
                        connection,
                        "SELECT position, global_index, recorded_at, hash FROM " + schema + ".ledger_entry"
                                + " WHERE position BETWEEN ? AND ? ORDER BY position, global_index");
                PreparedStatement span = SealedEvents.prepare(
                        connection,
                        "SELECT " + SealedEvents.INDEXED_EVENT + " FROM " + schema
                                + ".domain_event_entry WHERE global_index BETWEEN ? AND ?");
                PreparedStatement scattered = SealedEvents.prepare(
                        connection,
                        "SELECT " + SealedEvents.INDEXED_EVENT + " FROM " + schema
                                + ".domain_event_entry WHERE global_index = ANY (?)")) {
            // windows of positions rather than pages of rows: a page cut by a row count could leave
            // out a second row at its last position (possible once the order's key is dropped)
            while ((window = claim()) != null) {
                List<Sealed> range = range(connection, order, span, scattered, window[1], window[2]);
                if (range.isEmpty()) {
                    skipTo(window[2] == Long.MAX_VALUE ? null : firstPositionAfter(first, window[2]));
                }
                deliver(window[0], range);
                window = null;
            }
        } catch (SQLException | RuntimeException | Error e) {
            synchronized (lock) {
                if (window != null) {
                    read.put(window[0], e);
                }
                if (failure == null) {
                    failure = e;
                }
                lock.notifyAll();
            }
        }
    }

    private Long firstPositionAfter(PreparedStatement first, long after) throws SQLException {
        first.setLong(1, after);
        try (ResultSet row = first.executeQuery()) {
            row.next();
            long position = row.getLong(1);
            return row.wasNull() ? null : position;
        }
    }

    /**
     * The positions from {@code from} to {@code to}, then the events sealed there, joined here rather than in
     * the database: one range of the event table in its own key order costs PostgreSQL far less than
     * looking each event up from the order. Events are sealed
     * nearly in the order they were appended, so the span of their global indexes is about as long
     * as the range; where it is not (a transaction that committed long after it appended, or rows
     * moved by hand) the events are asked for by their indexes.
     */
    private List<Sealed> range(
            Connection connection,
            PreparedStatement order,
            PreparedStatement span,
            PreparedStatement scattered,
            long from,
            long to)
            throws SQLException {
        List<long[]> slots = new ArrayList<>(range);
        List<Instant> recorded = new ArrayList<>(range);
        List<byte[]> hashes = new ArrayList<>(range);
        Map<Long, Integer> slotOf = new HashMap<>(range * 2);
        // positions that name an event another position of the range names too: only where the
        // order's unique index was dropped and rows edited; each still gets the event, to hash
        Map<Integer, Integer> sameEventAs = new HashMap<>();
        Map<Integer, List<LedgerHash.Stored>> alsoAt = new HashMap<>();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        order.setLong(1, from);
        order.setLong(2, to);
        try (ResultSet row = order.executeQuery()) {
            while (row.next()) {
                long globalIndex = row.getLong(2);
                Integer earlier = slotOf.putIfAbsent(globalIndex, slots.size());
                if (earlier != null) {
                    sameEventAs.put(slots.size(), earlier);
                }
                slots.add(new long[] {row.getLong(1), globalIndex});
                recorded.add(row.getTimestamp(3).toInstant());
                hashes.add(row.getBytes(4));
                lowest = Math.min(lowest, globalIndex);
                highest = Math.max(highest, globalIndex);
            }
        }
        LedgerHash.Stored[] events = new LedgerHash.Stored[slots.size()];
        if (!slots.isEmpty()) {
            PreparedStatement query;
            long width = highest - lowest; // negative when it overflows: then not narrow
            if (width >= 0 && width < 2L * slots.size()) {
                query = span;
                span.setLong(1, lowest);
                span.setLong(2, highest);
            } else {
                query = scattered;
                scattered.setArray(
                        1, connection.createArrayOf("bigint", slotOf.keySet().toArray()));
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Integer slot = slotOf.get(row.getLong(1));
                    if (slot == null) {
                        continue;
                    }
                    LedgerHash.Stored event = SealedEvents.stored(row, SealedEvents.INDEXED_STORED);
                    if (events[slot] == null) {
                        events[slot] = event;
                    } else {
                        // two event rows under one global index (its key dropped): both are walked at
                        // the position, as the join in the database gave them, and the walk fails there
                        alsoAt.computeIfAbsent(slot, s -> new ArrayList<>()).add(event);
                    }
                }
            }
        }
        for (Map.Entry<Integer, Integer> same : sameEventAs.entrySet()) {
            events[same.getKey()] = events[same.getValue()];
        }
        List<Sealed> range = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            long[] slot = slots.get(i);
            range.add(Sealed.read(slot[0], slot[1], recorded.get(i), hashes.get(i), events[i]));
            for (LedgerHash.Stored other : alsoAt.getOrDefault(i, List.of())) {
                range.add(Sealed.read(slot[0], slot[1], recorded.get(i), hashes.get(i), other));
            }
        }
        return range;
    }

    /** Stops the readers (the walk may stop early) and waits for them: the connection is the walk's again after. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            read.clear();
            lock.notifyAll();
        }
        // even when this thread is interrupted: a connection must not go back to the pool while a
        // reader may still run a query on it
        boolean interrupted = false;
        for (Thread reader : readers) {
            while (reader.isAlive()) {
                try {
                    reader.join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        imported.forEach(LedgerScan::release);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // read only: nothing of it is kept either way
        }
    }
}
