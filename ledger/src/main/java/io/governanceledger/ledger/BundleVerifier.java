package io.governanceledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks an auditor's bundle ({@link LedgerExport}) offline: each file against the manifest, every
 * included event against its chain hash, every link of the chain (other programs' events by their
 * program tag and body digest; an event of the bundle's own program given only as a digest is withheld), and every checkpoint's signature and hash. Trust comes from the key the auditor pins;
 * without one, the bundle's own key is used and the report says so.
 */
public final class BundleVerifier {

    private BundleVerifier() {}

    public static VerificationReport verify(InputStream bundle, PublicKey pinnedKey) {
        long started = System.nanoTime();
        try (BundleFiles files = BundleFiles.read(bundle)) {
            return verify(files, pinnedKey, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle's events: " + e.getMessage(), e);
        }
    }

    private static VerificationReport verify(BundleFiles files, PublicKey pinnedKey, long started) throws IOException {
        byte[] manifestBytes = files.content(BundleFiles.MANIFEST);
        if (manifestBytes == null || !files.has(BundleFiles.EVENTS) || !files.has(BundleFiles.CHECKPOINTS)) {
            return VerificationReport.failed(
                    0,
                    0L,
                    "bundle-altered",
                    "the bundle lacks its manifest, events or checkpoints",
                    0,
                    0,
                    null,
                    started);
        }
        JsonNode manifest = json(manifestBytes);
        for (var file : manifest.path("files").properties()) {
            String digest = files.sha256(file.getKey());
            if (digest == null || !digest.equals(file.getValue().asText())) {
                return VerificationReport.failed(
                        0,
                        0L,
                        "bundle-altered",
                        file.getKey() + " does not match the SHA-256 in the manifest",
                        0,
                        0,
                        null,
                        started);
            }
        }
        for (String required : List.of(BundleFiles.EVENTS, BundleFiles.CHECKPOINTS)) {
            if (!manifest.path("files").has(required)) {
                return VerificationReport.failed(
                        0, 0L, "bundle-altered", "the manifest gives no SHA-256 for " + required, 0, 0, null, started);
            }
        }
        if (files.duplicates()) {
            return VerificationReport.failed(
                    0, 0L, "bundle-altered", "the bundle holds a file twice", 0, 0, null, started);
        }
        String programId = manifest.path("programId").asText(null);
        byte[] ownTag = LedgerHash.programTag(programId);
        PublicKey key = pinnedKey;
        String note = "checked against the pinned key";
        if (key == null && files.has(BundleFiles.PUBLIC_KEY)) {
            key = SigningKeys.publicKey(Base64.getDecoder()
                    .decode(new String(files.content(BundleFiles.PUBLIC_KEY), StandardCharsets.UTF_8)
                            .replace("-----BEGIN PUBLIC KEY-----", "")
                            .replace("-----END PUBLIC KEY-----", "")
                            .replaceAll("\\s", "")));
            note = "checked against the bundle's own key: pin the published key to trust it";
        }
        String keyId = key == null ? null : SigningKeys.keyId(key);
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode line : lines(files.content(BundleFiles.CHECKPOINTS))) {
            checkpoints.add(Checkpoint.of(line));
        }
        Map<Long, Checkpoint> byPosition = new HashMap<>();
        long previousCheckpoint = 0;
        byte[] previousCheckpointHash = LedgerHash.GENESIS;
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.previousPosition() != previousCheckpoint
                    || !Arrays.equals(checkpoint.previousHash(), previousCheckpointHash)) {
                return VerificationReport.failed(
                        0,
                        previousCheckpoint + 1,
                        "checkpoint-missing",
                        "the checkpoint at position "
                                + checkpoint.position() + " follows one at " + checkpoint.previousPosition()
                                + " that the bundle does not hold",
                        0,
                        checkpoints.size(),
                        keyId,
                        started);
            }
            previousCheckpoint = checkpoint.position();
            previousCheckpointHash = checkpoint.chainHash();
            if (key == null
                    || !checkpoint.keyId().equals(keyId)
                    || !SigningKeys.verify(key, checkpoint.signedBytes(), checkpoint.signature())) {
                return VerificationReport.failed(
                        0,
                        checkpoint.position(),
                        "checkpoint-forged",
                        "the checkpoint at position " + checkpoint.position() + " does not verify with key " + keyId,
                        0,
                        checkpoints.size(),
                        keyId,
                        started);
            }
            byPosition.put(checkpoint.position(), checkpoint);
        }
        byte[] previous = LedgerHash.GENESIS;
        long position = 0;
        long checked = 0;
        long signed = 0;
        try (BufferedReader events = files.events()) {
            String text;
            while ((text = events.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = json(text.getBytes(StandardCharsets.UTF_8));
                long at = line.path("position").asLong();
                if (at != position + 1) {
                    return VerificationReport.failed(
                                    position,
                                    position + 1,
                                    "row-deleted",
                                    "position " + (position + 1) + " is missing from the bundle",
                                    checked,
                                    checkpoints.size(),
                                    keyId,
                                    started)
                            .withSignedUpTo(signed);
                }
                byte[] hash = HexFormat.of().parseHex(line.path("hash").asText());
                byte[] leaf;
                if (line.has("event")) {
                    leaf = LedgerHash.leaf(LedgerExport.entry(
                            at, Instant.parse(line.path("recordedAt").asText()), line.path("event")));
                } else {
                    byte[] tag = HexFormat.of().parseHex(line.path("programTag").asText());
                    if (programId != null && Arrays.equals(tag, ownTag)) {
                        return VerificationReport.failed(
                                        position,
                                        at,
                                        "event-withheld",
                                        "the event at position " + at + " belongs to " + programId
                                                + " but the bundle gives only its digest",
                                        checked,
                                        checkpoints.size(),
                                        keyId,
                                        started)
                                .withSignedUpTo(signed);
                    }
                    leaf = LedgerHash.leaf(
                            tag, HexFormat.of().parseHex(line.path("body").asText()));
                }
                if (!Arrays.equals(LedgerHash.link(previous, leaf), hash)) {
                    return VerificationReport.failed(
                                    position,
                                    at,
                                    "event-changed",
                                    "the event at position " + at + " does not give the hash stated for it",
                                    checked,
                                    checkpoints.size(),
                                    keyId,
                                    started)
                            .withSignedUpTo(signed);
                }
                Checkpoint checkpoint = byPosition.get(at);
                if (checkpoint != null) {
                    if (!Arrays.equals(checkpoint.chainHash(), hash)) {
                        return VerificationReport.failed(
                                        signed,
                                        at,
                                        "chain-rewritten",
                                        "the chain hash at position " + at + " is not the one signed at "
                                                + checkpoint.signedAt(),
                                        checked,
                                        checkpoints.size(),
                                        keyId,
                                        started)
                                .withSignedUpTo(signed);
                    }
                    signed = at;
                }
                previous = hash;
                position = at;
                if (line.has("event")) {
                    checked++;
                }
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.position() > position) {
                return VerificationReport.failed(
                                position,
                                position + 1,
                                "row-deleted",
                                "a checkpoint was signed at position " + checkpoint.position()
                                        + " but the bundle ends at " + position,
                                checked,
                                checkpoints.size(),
                                keyId,
                                started)
                        .withSignedUpTo(signed);
            }
        }
        // only what a checkpoint signed counts as verified; a bundle's own key authenticates nothing
        return new VerificationReport(
                pinnedKey == null ? VerificationReport.Status.UNAUTHENTICATED : VerificationReport.Status.VERIFIED,
                signed,
                signed,
                null,
                null,
                checked + " events and the chain of " + position + " positions and "
                        + checkpoints.size() + " checkpoints " + note
                        + (signed < position
                                ? "; positions " + (signed + 1) + " to " + position + " are not signed yet"
                                : ""),
                checked,
                checkpoints.size(),
                keyId,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<JsonNode> lines(byte[] ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(ndjson, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }

    static JsonNode json(byte[] bytes) {
        try {
            return LedgerExport.JSON.readTree(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }
}
