package io.governanceledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint of the ledger's chain head every {@code everyEvents} sealed events, or after
 * {@code interval} when fewer were sealed, with the Ed25519 key this process holds. Several
 * processes may sign: a position is checkpointed once.
 */
public class LedgerCheckpointer extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpointer.class);

    private final DataSource dataSource;
    private final String schema;
    private final KeyPair keys;
    private final String keyId;
    private final long everyEvents;
    private final Duration interval;
    private final Path stateDirectory;
    private volatile Signed lastSigned;

    /** @param stateDirectory where the last signed checkpoint is remembered outside the database; null: in memory only */
    public LedgerCheckpointer(
            DataSource dataSource,
            String schema,
            KeyPair keys,
            long everyEvents,
            Duration interval,
            Path stateDirectory) {
        super("ledger-checkpointer");
        this.stateDirectory = stateDirectory;
        this.dataSource = dataSource;
        this.schema = schema;
        this.keys = keys;
        this.keyId = SigningKeys.keyId(keys.getPublic());
        this.everyEvents = everyEvents;
        this.interval = interval;
    }

    /**
     * The signing keys: read from their files, or made there only while the ledger has no checkpoint.
     * Once checkpoints exist, a missing private key is an error to repair (restore the key file), not
     * a reason to start signing with a new key the published one would not verify.
     */
    public static KeyPair signingKeys(DataSource dataSource, String schema, Path privateKeyFile, Path publicKeyFile) {
        if (!Files.exists(privateKeyFile)) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT count(*), max(key_id) FROM " + schema + ".ledger_checkpoint");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    throw new IllegalStateException(
                            "the ledger holds " + row.getLong(1) + " checkpoints signed with key "
                                    + row.getString(2) + " but the private key file " + privateKeyFile.toAbsolutePath()
                                    + " is missing: restore it from your backup (a new key would not verify against the"
                                    + " published one); refusing to start");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the ledger's checkpoints: " + e.getMessage(), e);
            }
        }
        return SigningKeys.loadOrCreate(privateKeyFile, publicKeyFile);
    }

    @Override
    protected void loop() {
        while (isRunning()) {
            try {
                checkpointIfDue(false);
            } catch (SQLException | RuntimeException e) {
                log.warn("Signing a ledger checkpoint failed; trying again: {}", e.getMessage());
            }
            if (!backOff(Math.min(1000, interval.toMillis()))) {
                return;
            }
        }
    }

    /**
     * Signs the current chain head if a checkpoint is due (or at once if {@code force}), returning it.
     * It signs only what it can link to the last checkpoint it signed itself: it recomputes every
     * link since then from the stored events, and refuses (and keeps refusing, loudly) when one does
     * not match or when that checkpoint is gone, since then the stored history was rewritten.
     */
    public Optional<Checkpoint> checkpointIfDue(boolean force) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Signed latest = latestCheckpoint(connection);
            Signed anchor =
                    lastSigned != null ? lastSigned : remembered(connection).orElse(latest);
            if (anchor.position() != latest.position() || !Arrays.equals(anchor.hash(), latest.hash())) {
                refuse("the last checkpoint this signer made (position " + anchor.position() + ") is not the latest in "
                        + "the database (position " + latest.position() + "): checkpoints were removed or added");
                return Optional.empty();
            }
            long headPosition = anchor.position();
            byte[] headHash = anchor.hash();
            Instant headRecordedAt = null;
            try (PreparedStatement statement =
                    SealedEvents.prepare(connection, SealedEvents.select(schema, "l.position > ?"))) {
                statement.setLong(1, anchor.position());
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long position = row.getLong("position");
                        Instant recordedAt = SealedEvents.recordedAt(row);
                        byte[] computed = LedgerHash.next(
                                headHash, position, recordedAt, SealedEvents.stored(row, SealedEvents.SELECTED_STORED));
                        if (position != headPosition + 1 || !Arrays.equals(computed, row.getBytes("hash"))) {
                            refuse("position " + (headPosition + 1) + " does not link to the last signed checkpoint at "
                                    + anchor.position() + ": the stored history was changed");
                            return Optional.empty();
                        }
                        headPosition = position;
                        headHash = computed;
                        headRecordedAt = recordedAt;
                    }
                }
            }
            boolean due = headPosition > anchor.position()
                    && (force
                            || headPosition - anchor.position() >= everyEvents
                            || Duration.between(anchor.signedAt(), Instant.now())
                                            .compareTo(interval)
                                    >= 0);
            if (!due) {
                lastSigned = anchor;
                return Optional.empty();
            }
            Instant signedAt = LedgerHash.truncate(Instant.now());
            byte[] signature = SigningKeys.sign(
                    keys.getPrivate(),
                    Checkpoint.signedBytes(
                            headPosition, headHash, headRecordedAt, signedAt, anchor.position(), anchor.hash()));
            Checkpoint checkpoint = new Checkpoint(
                    headPosition,
                    headHash,
                    headRecordedAt,
                    signedAt,
                    keyId,
                    signature,
                    anchor.position(),
                    anchor.hash());
            checkpoint.insert(connection, schema);
            lastSigned = new Signed(headPosition, headHash, signedAt);
            remember(connection, lastSigned);
            return Optional.of(checkpoint);
        }
    }

    private Signed latestCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT position, chain_hash, signed_at FROM "
                        + schema + ".ledger_checkpoint ORDER BY position DESC LIMIT 1");
                ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new Signed(
                            row.getLong(1), row.getBytes(2), row.getTimestamp(3).toInstant())
                    : new Signed(0, LedgerHash.GENESIS, Instant.EPOCH);
        }
    }

    /** The last checkpoint signed for this database, from the state file beside the key (survives restarts). */
    private Optional<Signed> remembered(Connection connection) throws SQLException {
        Path file = stateFile(connection);
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split(" ");
            return Optional.of(
                    new Signed(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]), Instant.parse(parts[2])));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable checkpoint state " + file + ": " + e.getMessage(), e);
        }
    }

    private void remember(Connection connection, Signed signed) throws SQLException {
        Path file = stateFile(connection);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file, signed.position() + " " + HexFormat.of().formatHex(signed.hash()) + " " + signed.signedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One state file per database (its cluster's system identifier and its name), next to the key. */
    private Path stateFile(Connection connection) throws SQLException {
        if (stateDirectory == null) {
            return null;
        }
        String identity;
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT (SELECT system_identifier FROM pg_control_system()) || '-' || current_database()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            identity = row.getString(1);
        } catch (SQLException notAllowed) {
            // pg_control_system() may be reserved to superusers: the database's own identity then
            try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT current_database() || '-' || (SELECT oid FROM pg_database WHERE datname = current_database())");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                identity = row.getString(1);
            }
        }
        return stateDirectory.resolve("last-checkpoint-" + identity.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    private void refuse(String why) {
        log.error("NOT signing a ledger checkpoint: {}. Run the verifier and investigate.", why);
    }

    private record Signed(long position, byte[] hash, Instant signedAt) {}
}
