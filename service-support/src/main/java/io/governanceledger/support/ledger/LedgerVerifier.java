package io.governanceledger.support.ledger;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Walks the ledger order and its checkpoints and reports either "verified up to position N" or the
 * first position that fails, and why:
 * <ul>
 * <li>{@code row-deleted}: a position is missing, or the event sealed at a position is gone;</li>
 * <li>{@code event-changed}: the event's bytes no longer give the stored hash;</li>
 * <li>{@code rows-swapped}: the event at one position gives the hash stored at another, and back;</li>
 * <li>{@code row-inserted}: an event row at a position pushes the following ones down, or an event row
 *     exists that is neither in the order nor waiting to be sealed;</li>
 * <li>{@code chain-rewritten}: the chain is consistent link by link but differs from a signed
 *     checkpoint: events were changed and the hashes recomputed without the signing key;</li>
 * <li>{@code checkpoint-forged}: a checkpoint's signature does not verify with the published key;</li>
 * <li>{@code checkpoint-missing}: events older than the checkpoint interval allows are covered by no
 *     checkpoint: checkpoints were deleted (perhaps to hide a recomputed chain).</li>
 * </ul>
 * It needs only read access; the public key comes from outside the database.
 */
public final class LedgerVerifier {

    /** How far after a changed event the walk still looks for the event it was swapped with. */
    private static final int SWAP_WINDOW = 2000;
    /** Positions read per query. */
    private static final int RANGE = 1000;
    /** Reader threads, each with a connection: on 2 cores, two kept PostgreSQL and the walk busy. */
    private static final int READERS = 2;

    private final DataSource dataSource;
    private final String schema;

    private final Duration maxUnsigned;
    private final int range;
    private final int readerCount;

    public LedgerVerifier(DataSource dataSource, String schema) {
        this(dataSource, schema, MAX_UNSIGNED);
    }

    /** @param maxUnsigned how long events may wait for a checkpoint ({@code ledger.verification.max-unsigned}) */
    public LedgerVerifier(DataSource dataSource, String schema, Duration maxUnsigned) {
        this(dataSource, schema, maxUnsigned, RANGE, READERS);
    }

    /** With {@code range} positions a query and {@code readers} reader threads (tests walk many small windows). */
    LedgerVerifier(DataSource dataSource, String schema, Duration maxUnsigned, int range, int readers) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.maxUnsigned = maxUnsigned;
        this.range = range;
        this.readerCount = readers;
    }

    /** Events may wait this long for a checkpoint before their not being signed counts as a failure. */
    public static final Duration MAX_UNSIGNED = Duration.ofMinutes(5);

    /** @param publicKey the published checkpoint key; null checks the chain only */
    public VerificationReport verify(PublicKey publicKey) {
        return verify(publicKey, maxUnsigned);
    }

    /**
     * @param maxUnsigned how old the first event no checkpoint covers may be: checkpoints are signed
     *                    every few seconds, so an older unsigned tail means checkpoints were removed
     */
    public VerificationReport verify(PublicKey publicKey, Duration maxUnsigned) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(connection, publicKey, maxUnsigned, started);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger: " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoints' signatures are checked on a thread of their own while the chain is walked (the
     * JDK's Ed25519 takes about 2 ms a signature, and a ledger signs a checkpoint every few seconds of
     * activity); a forged checkpoint is still what the report names, whatever the walk found.
     */
    private VerificationReport verify(Connection connection, PublicKey publicKey, Duration maxUnsigned, long started)
            throws SQLException {
        List<Checkpoint> checkpoints = Checkpoint.all(connection, schema);
        String keyId = publicKey == null ? null : SigningKeys.keyId(publicKey);
        FutureTask<VerificationReport> signatures = new FutureTask<>(() -> forged(checkpoints, publicKey, keyId, started));
        if (publicKey == null) {
            signatures.run();  // nothing to check: done at once, on this thread
        } else {
            startDaemon(signatures, "ledger-verifier-signatures");
        }
        VerificationReport walked;
        try {
            walked = walk(connection, checkpoints, publicKey, keyId, maxUnsigned, started);
        } catch (SQLException | RuntimeException e) {
            // a forged checkpoint is the finding even when the walk could not finish
            VerificationReport forged = awaitForged(signatures);
            if (forged != null) {
                return forged;
            }
            throw e;
        }
        VerificationReport forged = awaitForged(signatures);
        return forged != null ? forged : walked;
    }

    private static VerificationReport awaitForged(FutureTask<VerificationReport> signatures) {
        try {
            return signatures.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking checkpoint signatures", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot check the checkpoint signatures: " + e.getCause(), e.getCause());
        }
    }

    /** A helper thread of one verification: it never keeps a stopping service alive. */
    private static Thread startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The first checkpoint whose signature does not verify with the published key, as a failure; null when none. */
    private static VerificationReport forged(List<Checkpoint> checkpoints, PublicKey publicKey, String keyId, long started) {
        if (publicKey == null) {
            return null;
        }
        for (Checkpoint checkpoint : checkpoints) {
            if (!checkpoint.keyId().equals(keyId)
                    || !SigningKeys.verify(publicKey, checkpoint.signedBytes(), checkpoint.signature())) {
                return failed(0, checkpoint.position(), "checkpoint-forged", "the checkpoint at position "
                        + checkpoint.position() + " (signed " + checkpoint.signedAt() + ", key " + checkpoint.keyId()
                        + ") does not verify with the published key " + keyId, 0, 0, keyId, started);
            }
        }
        return null;
    }

    private VerificationReport walk(Connection connection, List<Checkpoint> checkpoints, PublicKey publicKey, String keyId,
                                    Duration maxUnsigned, long started) throws SQLException {
        if (publicKey != null) {
            long previous = 0;
            byte[] previousHash = LedgerHash.GENESIS;
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.previousPosition() != previous || !Arrays.equals(checkpoint.previousHash(), previousHash)) {
                    return failed(previous, previous + 1, "checkpoint-missing", "the checkpoint at position "
                            + checkpoint.position() + " was signed after one at position " + checkpoint.previousPosition()
                            + ", which is not there: checkpoints between " + previous + " and " + checkpoint.position()
                            + " were removed", 0, checkpoints.size(), keyId, started);
                }
                previous = checkpoint.position();
                previousHash = checkpoint.chainHash();
            }
        }
        Walk walk = new Walk(checkpoints.size(), keyId);
        int nextCheckpoint = 0;
        try (Scan scan = new Scan(connection)) {
            for (List<Sealed> range = scan.next(); !range.isEmpty(); range = scan.next()) {
                for (Sealed row : range) {
                    long position = row.position();
                    byte[] stored = row.hash();
                    if (position != walk.position + 1) {
                        return walk.failed(walk.position + 1, "row-deleted", "position " + (walk.position + 1)
                                + " is missing from the ledger order (the next one present is " + position + ")", started);
                    }
                    if (row.event() == null) {
                        return walk.failed(position, "row-deleted", "the event sealed at position " + position
                                + " (global index " + row.sealedIndex() + ") is gone from the store", started);
                    }
                    if (row.unhashable() != null) {
                        throw row.unhashable();
                    }
                    byte[] computed = LedgerHash.link(walk.previousStored, row.leaf());
                    if (!Arrays.equals(computed, stored)) {
                        if (walk.mismatch == null) {
                            walk.mismatch = new Mismatch(walk.previousStored, row);
                        } else if (belongsAt(row, walk.mismatch.row(), walk.mismatch.previousStored(),
                                             walk.mismatch.row().hash())
                                && belongsAt(walk.mismatch.row(), row, walk.previousStored, stored)) {
                            return walk.failed(walk.mismatch.position(), "rows-swapped", "the events at positions "
                                    + walk.mismatch.position() + " and " + position + " were exchanged", started);
                        }
                    }
                    if (walk.mismatch != null && walk.mismatch.position() == position - 1
                            && belongsAt(row, walk.mismatch.row(), walk.mismatch.previousStored(), stored)) {
                        return walk.failed(walk.mismatch.position(), "row-inserted", "a row was inserted at position "
                                + walk.mismatch.position() + "; the events from there on were moved down one", started);
                    }
                    if (walk.mismatch != null && position - walk.mismatch.position() > SWAP_WINDOW) {
                        return walk.changed(started);
                    }
                    while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() == position) {
                        Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                        if (publicKey != null && walk.mismatch == null && !Arrays.equals(checkpoint.chainHash(), stored)) {
                            return walk.failedAfter(position, "chain-rewritten", "the chain hash at position " + position
                                    + " is not the one signed at " + checkpoint.signedAt() + ": an event after position "
                                    + walk.lastCheckpoint + " and up to " + position
                                    + " was changed and the chain recomputed without the signing key", started);
                        }
                        if (walk.mismatch == null) {
                            walk.lastCheckpoint = position;
                        }
                    }
                    walk.previousStored = stored;
                    walk.position = position;
                    walk.checked++;
                }
            }
        }
        if (walk.mismatch != null) {
            return walk.changed(started);
        }
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint beyond = checkpoints.get(nextCheckpoint);
            return walk.failed(walk.position + 1, "row-deleted", "a checkpoint was signed at position "
                    + beyond.position() + " but the ledger ends at " + walk.position, started);
        }
        List<Long> strays = strays(connection);
        if (!strays.isEmpty()) {
            return walk.failed(walk.position + 1, "row-inserted", "event rows with global index " + strays
                    + " are in the store but neither in the ledger order nor waiting to be sealed", started);
        }
        long lastSigned = walk.lastCheckpoint;
        if (publicKey != null && lastSigned < walk.position) {
            Instant firstUnsigned = firstRecordedAfter(connection, lastSigned);
            if (firstUnsigned != null && firstUnsigned.plus(maxUnsigned).isBefore(Instant.now())) {
                return walk.failedAfter(lastSigned + 1, "checkpoint-missing", "no checkpoint covers positions "
                        + (lastSigned + 1) + " to " + walk.position + ", the first recorded at " + firstUnsigned
                        + ": checkpoints are signed within seconds, so those that covered them were removed (or the command"
                        + " service, which signs them, has not run for longer than " + maxUnsigned + ")", started);
            }
        }
        // without the published key nothing ties the chain to the signer: consistent is not verified
        return new VerificationReport(publicKey == null ? "UNAUTHENTICATED" : "VERIFIED", walk.position, lastSigned, null, null,
                                      publicKey == null ? "chain checked; checkpoints not checked: no public key given"
                                              : "chain and " + checkpoints.size() + " checkpoints checked",
                                      walk.checked, checkpoints.size(), keyId, millis(started));
    }

    private Instant firstRecordedAfter(Connection connection, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT recorded_at FROM " + schema + ".ledger_entry WHERE position = ?")) {
            statement.setLong(1, position + 1);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** Event rows neither sealed nor queued for sealing: written around the application. */
    private List<Long> strays(Connection connection) throws SQLException {
        // both sides are read in global index order from their indexes and merged: on 100,000 events
        // about 23 ms in one process, where the planner's choice, a parallel hash anti join, took
        // 37-42 ms in three (the walk is over; the settings end with this read-only transaction)
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL enable_hashjoin = off");
            settings.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
        List<Long> strays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT e.global_index FROM " + schema + ".domain_event_entry e"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + schema + ".ledger_entry l WHERE l.global_index = e.global_index)"
                        + " AND NOT EXISTS (SELECT 1 FROM " + schema + ".unsealed_event u WHERE u.global_index = e.global_index)"
                        + " ORDER BY e.global_index LIMIT 20");
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                strays.add(row.getLong(1));
            }
        }
        return strays;
    }

    /** Whether the event read at {@code event}, sealed where {@code slot} is, gives {@code hash} after {@code previous}. */
    private static boolean belongsAt(Sealed event, Sealed slot, byte[] previous, byte[] hash) {
        return Arrays.equals(LedgerHash.next(previous, slot.position(), slot.recordedAt(), event.event()), hash);
    }

    private static VerificationReport failed(long verifiedUpTo, long position, String kind, String detail, long checked,
                                             long checkpoints, String keyId, long started) {
        return new VerificationReport("FAILED", verifiedUpTo, 0, position, kind, detail, checked, checkpoints, keyId,
                                      millis(started));
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * One position of the ledger order as read: its recorded time, its stored chain hash and the event
     * sealed there (null when gone) with that event's leaf digest, computed by the reader: the walk
     * only links the leaves.
     */
    private record Sealed(long position, long sealedIndex, Instant recordedAt, byte[] hash, LedgerHash.Stored event,
                          byte[] leaf, RuntimeException unhashable) {

        /**
         * The position with its event's leaf, or why the leaf cannot be computed (a recorded time out of
         * range): the walk raises that when it reaches this position, so that a finding before it in the
         * same window is still reported.
         */
        static Sealed read(long position, long sealedIndex, Instant recordedAt, byte[] hash, LedgerHash.Stored event) {
            if (event == null) {
                return new Sealed(position, sealedIndex, recordedAt, hash, null, null, null);
            }
            try {
                return new Sealed(position, sealedIndex, recordedAt, hash, event, LedgerHash.leaf(position, recordedAt, event),
                                  null);
            } catch (RuntimeException e) {
                return new Sealed(position, sealedIndex, recordedAt, hash, event, null, e);
            }
        }
    }

    /**
     * Reads the ledger order a window of positions at a time, on reader threads of their own, so that
     * PostgreSQL and the driver produce the next windows while the walk hashes this one. Each reader
     * has a connection in the verifier's snapshot (the first is the verifier's own; the others import
     * it with {@code SET TRANSACTION SNAPSHOT}), so all of them read one and the same ledger; the walk
     * takes the windows in position order whatever order they were read in. One reader spent half its
     * time waiting for PostgreSQL to run its queries, and the walk half its time waiting for the reader.
     * Each window is read whole: its plan walks both primary keys in position order and returns rows at
     * once, where one query over the whole order, read through a cursor, was planned as a hash join
     * sorted on disk before its first row came back.
     */
    private final class Scan implements AutoCloseable {
        /** Windows read but not yet walked, at most: bounds the memory of readers running ahead. */
        private static final int AHEAD = 4;

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

        Scan(Connection connection) throws SQLException {
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
                    imported.forEach(Scan::release);
                    throw e;
                }
            }
            for (Connection reader : connections) {
                readers.add(startDaemon(() -> read(reader), "ledger-verifier-reader"));
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
                    try (PreparedStatement statement = other.prepareStatement("SET TRANSACTION SNAPSHOT '"
                            + snapshot.replace("'", "''") + "'")) {
                        statement.execute();
                    }
                } finally {
                    imported.add(other);  // released with the others, also when importing failed
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
                return new long[]{handedOut++, from, to};
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
                 PreparedStatement order = SealedEvents.prepare(connection,
                         "SELECT position, global_index, recorded_at, hash FROM " + schema + ".ledger_entry"
                                 + " WHERE position BETWEEN ? AND ? ORDER BY position, global_index");
                 PreparedStatement span = SealedEvents.prepare(connection, "SELECT " + SealedEvents.INDEXED_EVENT
                         + " FROM " + schema + ".domain_event_entry WHERE global_index BETWEEN ? AND ?");
                 PreparedStatement scattered = SealedEvents.prepare(connection, "SELECT " + SealedEvents.INDEXED_EVENT
                         + " FROM " + schema + ".domain_event_entry WHERE global_index = ANY (?)")) {
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
         * the database: one range of the event table in its own key order costs PostgreSQL about a
         * quarter of looking each event up from the order (measured on 20,000 rows). Events are sealed
         * nearly in the order they were appended, so the span of their global indexes is about as long
         * as the range; where it is not (a transaction that committed long after it appended, or rows
         * moved by hand) the events are asked for by their indexes.
         */
        private List<Sealed> range(Connection connection, PreparedStatement order, PreparedStatement span,
                                   PreparedStatement scattered, long from, long to) throws SQLException {
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
                    slots.add(new long[]{row.getLong(1), globalIndex});
                    recorded.add(row.getTimestamp(3).toInstant());
                    hashes.add(row.getBytes(4));
                    lowest = Math.min(lowest, globalIndex);
                    highest = Math.max(highest, globalIndex);
                }
            }
            LedgerHash.Stored[] events = new LedgerHash.Stored[slots.size()];
            if (!slots.isEmpty()) {
                PreparedStatement query;
                long width = highest - lowest;  // negative when it overflows: then not narrow
                if (width >= 0 && width < 2L * slots.size()) {
                    query = span;
                    span.setLong(1, lowest);
                    span.setLong(2, highest);
                } else {
                    query = scattered;
                    scattered.setArray(1, connection.createArrayOf("bigint", slotOf.keySet().toArray()));
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
            imported.forEach(Scan::release);
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

    /** The first position whose event did not give its stored hash, and the stored hash before it. */
    private record Mismatch(byte[] previousStored, Sealed row) {

        long position() {
            return row.position();
        }
    }

    /** The walk so far: the chain is checked link by link against the stored hashes. */
    private static final class Walk {
        final int checkpoints;
        final String keyId;
        long position;
        long checked;
        long lastCheckpoint;
        byte[] previousStored = LedgerHash.GENESIS;
        Mismatch mismatch;

        Walk(int checkpoints, String keyId) {
            this.checkpoints = checkpoints;
            this.keyId = keyId;
        }

        VerificationReport failed(long at, String kind, String detail, long started) {
            long good = mismatch != null ? Math.min(at, mismatch.position()) - 1 : at - 1;
            return LedgerVerifier.failed(good, at, kind, detail, checked, checkpoints, keyId, started)
                    .withSignedUpTo(Math.min(lastCheckpoint, good));
        }

        /** A failure found at {@code at} that puts everything after the last good checkpoint in doubt. */
        VerificationReport failedAfter(long at, String kind, String detail, long started) {
            return LedgerVerifier.failed(lastCheckpoint, at, kind, detail, checked, checkpoints, keyId, started)
                                 .withSignedUpTo(lastCheckpoint);
        }

        VerificationReport changed(long started) {
            return failed(mismatch.position(), "event-changed", "the event at position " + mismatch.position()
                    + " no longer gives the hash stored for it (" + HexFormat.of().formatHex(mismatch.row().hash())
                    + "): its payload, metadata or identity was changed", started);
        }
    }
}
