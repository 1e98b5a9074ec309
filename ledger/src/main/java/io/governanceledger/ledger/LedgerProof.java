package io.governanceledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A proof that one event is part of the signed history: the event's exact bytes at its position, the
 * chain hash just before it, the leaf digests of the events after it up to the next checkpoint, and
 * that checkpoint. Linking them from the previous hash must give the signed chain hash: whoever
 * holds the published key can check it, without the database and without the other events.
 */
public final class LedgerProof {

    private LedgerProof() {}

    /** The proof for {@code position}, or empty when no checkpoint covers it yet. */
    public static Optional<ObjectNode> of(DataSource dataSource, String schema, long position) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return of(connection, schema, position);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger: " + e.getMessage(), e);
        }
    }

    private static Optional<ObjectNode> of(Connection connection, String schema, long position) throws SQLException {
        ObjectNode checkpoint = LedgerExport.JSON.createObjectNode();
        long covering;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM " + schema + ".ledger_checkpoint WHERE position >= ? ORDER BY position LIMIT 1")) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                covering = row.getLong("position");
                checkpoint.setAll(Checkpoint.of(row).toJson());
            }
        }
        ObjectNode proof = LedgerExport.JSON.createObjectNode();
        proof.put("position", position);
        ArrayNode path = LedgerExport.JSON.createArrayNode();
        try (PreparedStatement statement =
                SealedEvents.prepare(connection, SealedEvents.select(schema, "l.position BETWEEN ? AND ?"))) {
            statement.setLong(1, position - 1);
            statement.setLong(2, covering);
            try (ResultSet row = statement.executeQuery()) {
                proof.put("previousHash", HexFormat.of().formatHex(LedgerHash.GENESIS));
                while (row.next()) {
                    long at = row.getLong("position");
                    Instant recordedAt = SealedEvents.recordedAt(row);
                    LedgerHash.Stored event = SealedEvents.stored(row, SealedEvents.SELECTED_STORED);
                    if (at == position - 1) {
                        proof.put("previousHash", HexFormat.of().formatHex(row.getBytes("hash")));
                    } else if (at == position) {
                        proof.put("recordedAt", recordedAt.toString());
                        proof.set("event", LedgerExport.eventJson(event.at(at, recordedAt)));
                    } else {
                        ObjectNode step = path.addObject();
                        step.put("position", at);
                        step.put("leaf", HexFormat.of().formatHex(LedgerHash.leaf(at, recordedAt, event)));
                    }
                }
            }
        }
        proof.set("path", path);
        proof.set("checkpoint", checkpoint);
        return Optional.of(proof);
    }

    /** Null when the proof holds with {@code key}; else why not. */
    public static String check(JsonNode proof, PublicKey key) {
        long position = proof.path("position").asLong();
        Checkpoint checkpoint = Checkpoint.of(proof.path("checkpoint"));
        if (!SigningKeys.verify(key, checkpoint.signedBytes(), checkpoint.signature())) {
            return "the checkpoint at position " + checkpoint.position() + " is not signed by key "
                    + SigningKeys.keyId(key);
        }
        byte[] hash = LedgerHash.link(
                HexFormat.of().parseHex(proof.path("previousHash").asText()),
                LedgerHash.leaf(LedgerExport.entry(
                        position, Instant.parse(proof.path("recordedAt").asText()), proof.path("event"))));
        long at = position;
        for (JsonNode step : proof.path("path")) {
            if (step.path("position").asLong() != ++at) {
                return "the path skips position " + at;
            }
            hash = LedgerHash.link(
                    hash, HexFormat.of().parseHex(step.path("leaf").asText()));
        }
        if (at != checkpoint.position() || !Arrays.equals(hash, checkpoint.chainHash())) {
            return "the event and the path do not lead to the chain hash signed at position " + checkpoint.position();
        }
        return null;
    }
}
