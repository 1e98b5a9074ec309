package io.governanceledger.support.ledger;

import io.governanceledger.support.eventstore.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    public LedgerCheckpointer(DataSource dataSource, String schema, KeyPair keys, long everyEvents, Duration interval) {
        super("ledger-checkpointer");
        this.dataSource = dataSource;
        this.schema = schema;
        this.keys = keys;
        this.keyId = SigningKeys.keyId(keys.getPublic());
        this.everyEvents = everyEvents;
        this.interval = interval;
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

    /** Signs the current chain head if a checkpoint is due (or at once if {@code force}), returning it. */
    public Optional<Checkpoint> checkpointIfDue(boolean force) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long headPosition;
            byte[] headHash;
            Instant headRecordedAt;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT position, hash, recorded_at FROM " + schema + ".ledger_entry ORDER BY position DESC LIMIT 1");
                 ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                headPosition = row.getLong(1);
                headHash = row.getBytes(2);
                headRecordedAt = row.getTimestamp(3).toInstant();
            }
            long lastPosition = 0;
            Instant lastSigned = Instant.EPOCH;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT position, signed_at FROM " + schema + ".ledger_checkpoint ORDER BY position DESC LIMIT 1");
                 ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    lastPosition = row.getLong(1);
                    lastSigned = row.getTimestamp(2).toInstant();
                }
            }
            boolean due = headPosition > lastPosition && (force || headPosition - lastPosition >= everyEvents
                    || Duration.between(lastSigned, Instant.now()).compareTo(interval) >= 0);
            if (!due) {
                return Optional.empty();
            }
            Instant signedAt = LedgerHash.truncate(Instant.now());
            byte[] signature = SigningKeys.sign(keys.getPrivate(),
                                                Checkpoint.signedBytes(headPosition, headHash, headRecordedAt, signedAt));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + schema + ".ledger_checkpoint (position, chain_hash, recorded_at, signed_at, key_id,"
                            + " signature) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING")) {
                insert.setLong(1, headPosition);
                insert.setBytes(2, headHash);
                insert.setTimestamp(3, Timestamp.from(headRecordedAt));
                insert.setTimestamp(4, Timestamp.from(signedAt));
                insert.setString(5, keyId);
                insert.setBytes(6, signature);
                insert.executeUpdate();
            }
            return Optional.of(new Checkpoint(headPosition, headHash, headRecordedAt, signedAt, keyId, signature));
        }
    }
}
