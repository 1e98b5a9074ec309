package io.governanceledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed statement that the ledger's chain hash at {@code position} was {@code chainHash}. The
 * signature is Ed25519 over {@link #signedBytes()}:
 * {@code "governance-ledger checkpoint v1|<position>|<chain hash hex>|<recorded at>|<signed at>|<previous
 * checkpoint's position>|<its chain hash hex>"} in UTF-8, instants in ISO-8601 to the microsecond. Each
 * checkpoint names the one before it, so none can be removed unseen.
 */
public record Checkpoint(
        long position,
        byte[] chainHash,
        Instant recordedAt,
        Instant signedAt,
        String keyId,
        byte[] signature,
        long previousPosition,
        byte[] previousHash) {

    /** A row of the checkpoint table. */
    static Checkpoint of(ResultSet row) throws SQLException {
        return new Checkpoint(
                row.getLong("position"),
                row.getBytes("chain_hash"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getTimestamp("signed_at").toInstant(),
                row.getString("key_id"),
                row.getBytes("signature"),
                row.getLong("previous_position"),
                row.getBytes("previous_hash"));
    }

    /** Every checkpoint of the ledger in {@code schema}, in position order. */
    static List<Checkpoint> all(Connection connection, String schema) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM " + schema + ".ledger_checkpoint ORDER BY position");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                checkpoints.add(of(row));
            }
        }
        return checkpoints;
    }

    /** Stores this checkpoint as a row of the checkpoint table in {@code schema}. */
    void insert(Connection connection, String schema) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + schema + ".ledger_checkpoint (position, chain_hash, recorded_at, signed_at, key_id,"
                        + " signature, previous_position, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, position);
            insert.setBytes(2, chainHash);
            insert.setTimestamp(3, Timestamp.from(recordedAt));
            insert.setTimestamp(4, Timestamp.from(signedAt));
            insert.setString(5, keyId);
            insert.setBytes(6, signature);
            insert.setLong(7, previousPosition);
            insert.setBytes(8, previousHash);
            insert.executeUpdate();
        }
    }

    /** A checkpoint as bundles and proofs show it ({@link #toJson()}). */
    static Checkpoint of(JsonNode json) {
        return new Checkpoint(
                json.path("position").asLong(),
                HexFormat.of().parseHex(json.path("chainHash").asText()),
                Instant.parse(json.path("recordedAt").asText()),
                Instant.parse(json.path("signedAt").asText()),
                json.path("keyId").asText(),
                Base64.getDecoder().decode(json.path("signature").asText()),
                json.path("previousPosition").asLong(),
                HexFormat.of().parseHex(json.path("previousHash").asText()));
    }

    ObjectNode toJson() {
        ObjectNode json = LedgerExport.JSON.createObjectNode();
        json.put("position", position);
        json.put("chainHash", HexFormat.of().formatHex(chainHash));
        json.put("recordedAt", LedgerHash.truncate(recordedAt).toString());
        json.put("signedAt", LedgerHash.truncate(signedAt).toString());
        json.put("keyId", keyId);
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        json.put("previousPosition", previousPosition);
        json.put("previousHash", HexFormat.of().formatHex(previousHash));
        return json;
    }

    public byte[] signedBytes() {
        return signedBytes(position, chainHash, recordedAt, signedAt, previousPosition, previousHash);
    }

    public static byte[] signedBytes(
            long position,
            byte[] chainHash,
            Instant recordedAt,
            Instant signedAt,
            long previousPosition,
            byte[] previousHash) {
        return ("governance-ledger checkpoint v1|" + position + "|"
                        + HexFormat.of().formatHex(chainHash) + "|"
                        + LedgerHash.truncate(recordedAt) + "|" + LedgerHash.truncate(signedAt) + "|" + previousPosition
                        + "|"
                        + HexFormat.of().formatHex(previousHash))
                .getBytes(StandardCharsets.UTF_8);
    }
}
