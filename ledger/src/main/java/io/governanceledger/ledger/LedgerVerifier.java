package io.governanceledger.ledger;

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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;

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
    /** Reader threads, each with a connection: enough to keep PostgreSQL and the walk busy on a small machine. */
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
     * The checkpoints' signatures are checked on a thread of their own while the chain is walked (a
     * ledger signs a checkpoint every few seconds of activity, so a long life has many to check); a
     * forged checkpoint is still what the report names, whatever the walk found.
     */
    private VerificationReport verify(Connection connection, PublicKey publicKey, Duration maxUnsigned, long started)
            throws SQLException {
        List<Checkpoint> checkpoints = Checkpoint.all(connection, schema);
        String keyId = publicKey == null ? null : SigningKeys.keyId(publicKey);
        FutureTask<VerificationReport> signatures =
                new FutureTask<>(() -> forged(checkpoints, publicKey, keyId, started));
        if (publicKey == null) {
            signatures.run(); // nothing to check: done at once, on this thread
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
    static Thread startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The first checkpoint whose signature does not verify with the published key, as a failure; null when none. */
    private static VerificationReport forged(
            List<Checkpoint> checkpoints, PublicKey publicKey, String keyId, long started) {
        if (publicKey == null) {
            return null;
        }
        for (Checkpoint checkpoint : checkpoints) {
            if (!checkpoint.keyId().equals(keyId)
                    || !SigningKeys.verify(publicKey, checkpoint.signedBytes(), checkpoint.signature())) {
                return VerificationReport.failed(
                        0,
                        checkpoint.position(),
                        "checkpoint-forged",
                        "the checkpoint at position "
                                + checkpoint.position() + " (signed " + checkpoint.signedAt() + ", key "
                                + checkpoint.keyId()
                                + ") does not verify with the published key " + keyId,
                        0,
                        0,
                        keyId,
                        started);
            }
        }
        return null;
    }

    private VerificationReport walk(
            Connection connection,
            List<Checkpoint> checkpoints,
            PublicKey publicKey,
            String keyId,
            Duration maxUnsigned,
            long started)
            throws SQLException {
        if (publicKey != null) {
            long previous = 0;
            byte[] previousHash = LedgerHash.GENESIS;
            for (Checkpoint checkpoint : checkpoints) {
                if (checkpoint.previousPosition() != previous
                        || !Arrays.equals(checkpoint.previousHash(), previousHash)) {
                    return VerificationReport.failed(
                            previous,
                            previous + 1,
                            "checkpoint-missing",
                            "the checkpoint at position "
                                    + checkpoint.position() + " was signed after one at position "
                                    + checkpoint.previousPosition()
                                    + ", which is not there: checkpoints between " + previous + " and "
                                    + checkpoint.position()
                                    + " were removed",
                            0,
                            checkpoints.size(),
                            keyId,
                            started);
                }
                previous = checkpoint.position();
                previousHash = checkpoint.chainHash();
            }
        }
        Walk walk = new Walk(checkpoints.size(), keyId);
        int nextCheckpoint = 0;
        try (LedgerScan scan = new LedgerScan(dataSource, schema, range, readerCount, connection)) {
            for (List<Sealed> range = scan.next(); !range.isEmpty(); range = scan.next()) {
                for (Sealed row : range) {
                    long position = row.position();
                    byte[] stored = row.hash();
                    if (position != walk.position + 1) {
                        return walk.failed(
                                walk.position + 1,
                                "row-deleted",
                                "position " + (walk.position + 1)
                                        + " is missing from the ledger order (the next one present is " + position
                                        + ")",
                                started);
                    }
                    if (row.event() == null) {
                        return walk.failed(
                                position,
                                "row-deleted",
                                "the event sealed at position " + position + " (global index " + row.sealedIndex()
                                        + ") is gone from the store",
                                started);
                    }
                    if (row.unhashable() != null) {
                        throw row.unhashable();
                    }
                    byte[] computed = LedgerHash.link(walk.previousStored, row.leaf());
                    if (!Arrays.equals(computed, stored)) {
                        if (walk.mismatch == null) {
                            walk.mismatch = new Mismatch(walk.previousStored, row);
                        } else if (belongsAt(
                                        row,
                                        walk.mismatch.row(),
                                        walk.mismatch.previousStored(),
                                        walk.mismatch.row().hash())
                                && belongsAt(walk.mismatch.row(), row, walk.previousStored, stored)) {
                            return walk.failed(
                                    walk.mismatch.position(),
                                    "rows-swapped",
                                    "the events at positions " + walk.mismatch.position() + " and " + position
                                            + " were exchanged",
                                    started);
                        }
                    }
                    if (walk.mismatch != null
                            && walk.mismatch.position() == position - 1
                            && belongsAt(row, walk.mismatch.row(), walk.mismatch.previousStored(), stored)) {
                        return walk.failed(
                                walk.mismatch.position(),
                                "row-inserted",
                                "a row was inserted at position " + walk.mismatch.position()
                                        + "; the events from there on were moved down one",
                                started);
                    }
                    if (walk.mismatch != null && position - walk.mismatch.position() > SWAP_WINDOW) {
                        return walk.changed(started);
                    }
                    while (nextCheckpoint < checkpoints.size()
                            && checkpoints.get(nextCheckpoint).position() == position) {
                        Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
                        if (publicKey != null
                                && walk.mismatch == null
                                && !Arrays.equals(checkpoint.chainHash(), stored)) {
                            return walk.failedAfter(
                                    position,
                                    "chain-rewritten",
                                    "the chain hash at position " + position
                                            + " is not the one signed at " + checkpoint.signedAt()
                                            + ": an event after position "
                                            + walk.lastCheckpoint + " and up to " + position
                                            + " was changed and the chain recomputed without the signing key",
                                    started);
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
            return walk.failed(
                    walk.position + 1,
                    "row-deleted",
                    "a checkpoint was signed at position " + beyond.position() + " but the ledger ends at "
                            + walk.position,
                    started);
        }
        List<Long> strays = strays(connection);
        if (!strays.isEmpty()) {
            return walk.failed(
                    walk.position + 1,
                    "row-inserted",
                    "event rows with global index " + strays
                            + " are in the store but neither in the ledger order nor waiting to be sealed",
                    started);
        }
        long lastSigned = walk.lastCheckpoint;
        if (publicKey != null && lastSigned < walk.position) {
            Instant firstUnsigned = firstRecordedAfter(connection, lastSigned);
            if (firstUnsigned != null && firstUnsigned.plus(maxUnsigned).isBefore(Instant.now())) {
                return walk.failedAfter(
                        lastSigned + 1,
                        "checkpoint-missing",
                        "no checkpoint covers positions "
                                + (lastSigned + 1) + " to " + walk.position + ", the first recorded at " + firstUnsigned
                                + ": checkpoints are signed within seconds, so those that covered them were removed (or the command"
                                + " service, which signs them, has not run for longer than " + maxUnsigned + ")",
                        started);
            }
        }
        // without the published key nothing ties the chain to the signer: consistent is not verified
        return new VerificationReport(
                publicKey == null ? VerificationReport.Status.UNAUTHENTICATED : VerificationReport.Status.VERIFIED,
                walk.position,
                lastSigned,
                null,
                null,
                publicKey == null
                        ? "chain checked; checkpoints not checked: no public key given"
                        : "chain and " + checkpoints.size() + " checkpoints checked",
                walk.checked,
                checkpoints.size(),
                keyId,
                millis(started));
    }

    private Instant firstRecordedAfter(Connection connection, long position) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT recorded_at FROM " + schema + ".ledger_entry WHERE position = ?")) {
            statement.setLong(1, position + 1);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** Event rows neither sealed nor queued for sealing: written around the application. */
    private List<Long> strays(Connection connection) throws SQLException {
        // both sides are read in global index order from their indexes and merged in one process,
        // quicker than the planner's choice, a parallel hash anti join (the walk is over; the settings
        // end with this read-only transaction)
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL enable_hashjoin = off");
            settings.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
        List<Long> strays = new ArrayList<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT e.global_index FROM " + schema + ".domain_event_entry e"
                                + " WHERE NOT EXISTS (SELECT 1 FROM " + schema
                                + ".ledger_entry l WHERE l.global_index = e.global_index)"
                                + " AND NOT EXISTS (SELECT 1 FROM " + schema
                                + ".unsealed_event u WHERE u.global_index = e.global_index)"
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

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
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
            return VerificationReport.failed(good, at, kind, detail, checked, checkpoints, keyId, started)
                    .withSignedUpTo(Math.min(lastCheckpoint, good));
        }

        /** A failure found at {@code at} that puts everything after the last good checkpoint in doubt. */
        VerificationReport failedAfter(long at, String kind, String detail, long started) {
            return VerificationReport.failed(lastCheckpoint, at, kind, detail, checked, checkpoints, keyId, started)
                    .withSignedUpTo(lastCheckpoint);
        }

        VerificationReport changed(long started) {
            return failed(
                    mismatch.position(),
                    "event-changed",
                    "the event at position " + mismatch.position()
                            + " no longer gives the hash stored for it ("
                            + HexFormat.of().formatHex(mismatch.row().hash())
                            + "): its payload, metadata or identity was changed",
                    started);
        }
    }
}
