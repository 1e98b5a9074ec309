package io.governanceledger.support.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement that the ledger's chain hash at {@code position} was {@code chainHash}. The
 * signature is Ed25519 over {@link #signedBytes()}:
 * {@code "governance-ledger checkpoint v1|<position>|<chain hash hex>|<recorded at>|<signed at>|<previous
 * checkpoint's position>|<its chain hash hex>"} in UTF-8, instants in ISO-8601 to the microsecond. Each
 * checkpoint names the one before it, so none can be removed unseen.
 */
public record Checkpoint(long position, byte[] chainHash, Instant recordedAt, Instant signedAt, String keyId,
                         byte[] signature, long previousPosition, byte[] previousHash) {

    /** A row of the checkpoint table. */
    static Checkpoint of(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong("position"), row.getBytes("chain_hash"), row.getTimestamp("recorded_at").toInstant(),
                              row.getTimestamp("signed_at").toInstant(), row.getString("key_id"), row.getBytes("signature"),
                              row.getLong("previous_position"), row.getBytes("previous_hash"));
    }

    /** A checkpoint as bundles and proofs show it ({@link #toJson()}). */
    static Checkpoint of(JsonNode json) {
        return new Checkpoint(json.path("position").asLong(), HexFormat.of().parseHex(json.path("chainHash").asText()),
                              Instant.parse(json.path("recordedAt").asText()), Instant.parse(json.path("signedAt").asText()),
                              json.path("keyId").asText(), Base64.getDecoder().decode(json.path("signature").asText()),
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

    public static byte[] signedBytes(long position, byte[] chainHash, Instant recordedAt, Instant signedAt,
                                     long previousPosition, byte[] previousHash) {
        return ("governance-ledger checkpoint v1|" + position + "|" + HexFormat.of().formatHex(chainHash) + "|"
                + LedgerHash.truncate(recordedAt) + "|" + LedgerHash.truncate(signedAt) + "|" + previousPosition + "|"
                + HexFormat.of().formatHex(previousHash)).getBytes(StandardCharsets.UTF_8);
    }
}
