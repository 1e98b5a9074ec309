package io.governanceledger.support.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
