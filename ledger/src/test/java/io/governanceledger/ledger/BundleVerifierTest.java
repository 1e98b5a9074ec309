package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The auditor's bundle verifies offline, whole or for one program, and shows where it was altered. */
class BundleVerifierTest {

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.keptAcrossTests();

    private static KeyPair keys;

    @BeforeAll
    static void thirtyEventsOfThreeProgramsWithCheckpoints() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        LedgerSealer sealer =
                new LedgerSealer(database.dataSource, LedgerTestDatabase.SCHEMA, 1000, Duration.ofSeconds(60), false);
        LedgerCheckpointer checkpointer = new LedgerCheckpointer(
                database.dataSource, LedgerTestDatabase.SCHEMA, keys, 1_000_000, Duration.ofDays(1), null);
        try (Connection connection = database.dataSource.getConnection()) {
            for (int i = 0; i < 30; i++) {
                LedgerTestDatabase.append(connection, "P" + (i % 3), i / 3);
                if (i % 10 == 9) {
                    sealer.sealAvailable();
                    checkpointer.checkpointIfDue(true);
                }
            }
        }
    }

    @Test
    void aWholeStoreExportVerifiesOfflineAgainstThePinnedKey() {
        VerificationReport report = BundleVerifier.verify(new ByteArrayInputStream(export(null)), keys.getPublic());
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.verifiedUpTo()).isEqualTo(30);
        assertThat(report.signedUpTo()).isEqualTo(30);
        assertThat(report.eventsChecked()).isEqualTo(30);
    }

    @Test
    void oneProgramsExportCarriesOnlyItsEventsAndStillVerifiesTheWholeChain() throws Exception {
        byte[] bundle = export("P1");
        JsonNode manifest = LedgerExport.JSON.readTree(files(bundle).get("manifest.json"));
        assertThat(manifest.path("eventsIncluded").asLong()).isEqualTo(10);
        assertThat(manifest.path("eventsAsDigestOnly").asLong()).isEqualTo(20);
        assertThat(new String(files(bundle).get("events.ndjson"), StandardCharsets.UTF_8))
                .as("other programs are neither shown nor named")
                .doesNotContain("P0")
                .doesNotContain("P2");
        VerificationReport report = BundleVerifier.verify(new ByteArrayInputStream(bundle), keys.getPublic());
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.eventsChecked()).isEqualTo(10);
        assertThat(report.verifiedUpTo()).isEqualTo(30);
    }

    @Test
    void anEventEditedInTheBundleIsFoundEvenWithTheManifestRecomputed() throws Exception {
        Map<String, byte[]> files = files(export(null));
        ObjectNode line = (ObjectNode) LedgerExport.JSON.readTree(eventLine(files, 13));
        ((ObjectNode) line.get("event"))
                .put("payload", Base64.getEncoder().encodeToString("{\"n\":42}".getBytes(StandardCharsets.UTF_8)));

        VerificationReport report =
                BundleVerifier.verify(new ByteArrayInputStream(zip(withEventLine(files, 13, line))), keys.getPublic());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
        assertThat(report.failure()).isEqualTo("event-changed");
        assertThat(report.failedAt()).isEqualTo(14);
        assertThat(report.verifiedUpTo()).isEqualTo(13);
        assertThat(report.signedUpTo()).isEqualTo(10);
    }

    @Test
    void aProgramsBundleCannotHideOneOfItsOwnEventsAsAnotherProgramsDigest() throws Exception {
        // position 14 is P1's (i = 13): give only its digest, once under P1's own tag, once under P0's
        Map<String, byte[]> files = files(export("P1"));
        ObjectNode line = (ObjectNode) LedgerExport.JSON.readTree(eventLine(files, 13));
        LedgerHash.Entry entry = LedgerExport.entry(
                14, java.time.Instant.parse(line.path("recordedAt").asText()), line.path("event"));
        line.remove("event");
        line.put("body", java.util.HexFormat.of().formatHex(LedgerHash.body(entry)));

        line.put("programTag", java.util.HexFormat.of().formatHex(LedgerHash.programTag("P1")));
        VerificationReport underItsOwnTag =
                BundleVerifier.verify(new ByteArrayInputStream(zip(withEventLine(files, 13, line))), keys.getPublic());
        assertThat(underItsOwnTag.failure()).isEqualTo("event-withheld");
        assertThat(underItsOwnTag.failedAt()).isEqualTo(14);

        line.put("programTag", java.util.HexFormat.of().formatHex(LedgerHash.programTag("P0")));
        VerificationReport underAnotherTag =
                BundleVerifier.verify(new ByteArrayInputStream(zip(withEventLine(files, 13, line))), keys.getPublic());
        assertThat(underAnotherTag.failure()).as(underAnotherTag.detail()).isEqualTo("event-changed");
        assertThat(underAnotherTag.failedAt()).isEqualTo(14);
        assertThat(underAnotherTag.verifiedUpTo()).isEqualTo(13);
    }

    @Test
    void aBundleRezippedInAnotherOrderStillVerifies() throws Exception {
        Map<String, byte[]> files = files(export(null));
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put("manifest.json", files.get("manifest.json"));
        reordered.put("events.ndjson", files.get("events.ndjson"));
        reordered.putAll(files);
        VerificationReport report = BundleVerifier.verify(new ByteArrayInputStream(zip(reordered)), keys.getPublic());
        assertThat(report.status()).as(report.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.verifiedUpTo()).isEqualTo(30);
    }

    @Test
    void aFileChangedBehindTheManifestsBackOrAnotherKeyIsRefused() throws Exception {
        Map<String, byte[]> files = files(export(null));
        files.put("checkpoints.ndjson", new byte[0]);
        assertThat(BundleVerifier.verify(new ByteArrayInputStream(zip(files)), keys.getPublic())
                        .failure())
                .isEqualTo("bundle-altered");
        assertThat(BundleVerifier.verify(new ByteArrayInputStream(export(null)), null)
                        .status())
                .as("checked only against the bundle's own key")
                .isEqualTo(VerificationReport.Status.UNAUTHENTICATED);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(BundleVerifier.verify(new ByteArrayInputStream(export(null)), other.getPublic())
                        .failure())
                .isEqualTo("checkpoint-forged");
    }

    @Test
    void aProofShowsOneEventIsPartOfTheSignedHistoryWithoutTheOthers() {
        var proof = LedgerProof.of(database.dataSource, LedgerTestDatabase.SCHEMA, 14)
                .orElseThrow();
        assertThat(proof.path("checkpoint").path("position").asLong()).isEqualTo(20);
        assertThat(proof.path("path")).hasSize(6);
        assertThat(LedgerProof.check(proof, keys.getPublic())).isNull();

        ObjectNode edited = proof.deepCopy();
        ((ObjectNode) edited.get("event"))
                .put("payload", Base64.getEncoder().encodeToString("{\"n\":7}".getBytes(StandardCharsets.UTF_8)));
        assertThat(LedgerProof.check(edited, keys.getPublic()))
                .contains("do not lead to the chain hash signed at position 20");
        ObjectNode moved = proof.deepCopy();
        moved.put("position", 15);
        assertThat(LedgerProof.check(moved, keys.getPublic())).isNotNull();
        assertThat(LedgerProof.check(proof, otherKey())).contains("is not signed by key");
        assertThat(LedgerProof.of(database.dataSource, LedgerTestDatabase.SCHEMA, 31))
                .as("not covered yet")
                .isEmpty();
    }

    private static java.security.PublicKey otherKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eventLine(Map<String, byte[]> files, int index) {
        return new String(files.get("events.ndjson"), StandardCharsets.UTF_8).split("\n")[index];
    }

    /** The bundle's files with one event line replaced and the manifest's digest of the events recomputed. */
    private static Map<String, byte[]> withEventLine(Map<String, byte[]> files, int index, JsonNode line)
            throws IOException {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        String[] lines = new String(files.get("events.ndjson"), StandardCharsets.UTF_8).split("\n");
        lines[index] = LedgerExport.JSON.writeValueAsString(line);
        changed.put("events.ndjson", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = (ObjectNode) LedgerExport.JSON.readTree(files.get("manifest.json"));
        ((ObjectNode) manifest.get("files")).put("events.ndjson", LedgerExport.sha256(changed.get("events.ndjson")));
        changed.put("manifest.json", LedgerExport.JSON.writeValueAsBytes(manifest));
        return changed;
    }

    private static byte[] export(String programId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LedgerExport(database.dataSource, LedgerTestDatabase.SCHEMA).write(out, programId, keys.getPublic());
        return out.toByteArray();
    }

    private static Map<String, byte[]> files(byte[] bundle) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
