package io.governanceledger.query.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.ledger.LedgerExport;
import io.governanceledger.ledger.LedgerProof;
import io.governanceledger.ledger.LedgerVerifier;
import io.governanceledger.ledger.SigningKeys;
import io.governanceledger.ledger.VerificationReport;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the ledger shows of itself, for the API and the workspace alike: the verification (its findings
 * only to those who may inspect the ledger), a position's proof (only for an event of a program the
 * caller may read; otherwise the same "no proof" as a position without one), the auditor's bundle and
 * the checkpoint key.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class LedgerRecords {

    private final LedgerVerifier verifier;
    private final LedgerExport export;
    private final DataSource dataSource;
    private final KnownPrograms programs;
    private final Path publicKeyFile;
    private final AccessDecider access;
    private static final ObjectMapper PROOF_JSON = new ObjectMapper();
    /** The last verification this instance ran, for pages that show the ledger's state without walking it. */
    private final java.util.concurrent.atomic.AtomicReference<LastVerification> last =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** A verification's verdict (status and positions, no findings) and when it finished. */
    public record LastVerification(
            VerificationReport.Status status,
            long verifiedUpTo,
            long signedUpTo,
            Long failedAt,
            java.time.Instant at) {}

    LedgerRecords(
            AccessDecider access,
            LedgerVerifier verifier,
            DataSource dataSource,
            KnownPrograms programs,
            @Value("${ledger.signing.public-key-file}") Path publicKeyFile) {
        this.access = access;
        this.verifier = verifier;
        this.export = new LedgerExport(dataSource, EventStoreAutoConfiguration.EVENT_STORE_SCHEMA);
        this.dataSource = dataSource;
        this.programs = programs;
        this.publicKeyFile = publicKeyFile;
    }

    /** Walks the whole ledger; the findings' detail only for a caller who may inspect the ledger. */
    public VerificationReport verification() {
        VerificationReport report = verifier.verify(publicKey());
        last.set(new LastVerification(
                report.status(),
                report.verifiedUpTo(),
                report.signedUpTo(),
                report.failedAt(),
                java.time.Instant.now()));
        if (Right.INSPECT_LEDGER.heldBy(access.portfolioRoles(Caller.current()))) {
            return report;
        }
        // what was found may name records of programs the caller may not see; the verdict is everyone's
        return new VerificationReport(
                report.status(),
                report.verifiedUpTo(),
                report.signedUpTo(),
                report.failedAt(),
                report.failure(),
                null,
                report.eventsChecked(),
                report.checkpoints(),
                report.keyId(),
                report.millis());
    }

    /** A signed checkpoint as the integrity page lists it. */
    public record CheckpointView(
            long position, String chainHash, java.time.Instant recordedAt, java.time.Instant signedAt, String keyId) {}

    /** The latest signed checkpoints, newest first. */
    public java.util.List<CheckpointView> recentCheckpoints(int limit) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT position, chain_hash, recorded_at, signed_at, key_id FROM "
                        + EventStoreAutoConfiguration.EVENT_STORE_SCHEMA
                        + ".ledger_checkpoint ORDER BY position DESC LIMIT ?")
                .param(limit)
                .query((row, index) -> new CheckpointView(
                        row.getLong("position"),
                        java.util.HexFormat.of().formatHex(row.getBytes("chain_hash")),
                        row.getTimestamp("recorded_at").toInstant(),
                        row.getTimestamp("signed_at").toInstant(),
                        row.getString("key_id")))
                .list();
    }

    /** The verdict of the last verification this instance ran, if any. */
    public java.util.Optional<LastVerification> lastVerification() {
        return java.util.Optional.ofNullable(last.get());
    }

    /** The proof of the event at {@code position}, as JSON, or "no proof" (also for an event the caller may not see). */
    public String proof(long position) {
        if (position < 1) {
            throw new RecordNotFoundException(
                    "position", "Ledger positions start at 1; there is no position " + position + ".");
        }
        RecordNotFoundException noProof = new RecordNotFoundException(
                "position",
                "No signed checkpoint covers position "
                        + position + " yet (a checkpoint follows within seconds of an event), or there is "
                        + "no such position.");
        JsonNode proof = LedgerProof.of(dataSource, EventStoreAutoConfiguration.EVENT_STORE_SCHEMA, position)
                .orElseThrow(() -> noProof);
        if (!mayRead(programOf(proof), isAccessRecord(proof))) {
            // the same answer as for a position with no proof: the event's existence is not told either
            throw noProof;
        }
        return proof.toString();
    }

    /** The auditor's bundle of one program ({@code programId}) or of the whole store (null), as a download. */
    public ResponseEntity<StreamingResponseBody> bundle(String programId) {
        if (programId != null && !programs.contains(programId)) {
            throw RecordNotFoundException.unknownProgram(programId, null, null);
        }
        String name = (programId == null ? "ledger" : programId.replaceAll("[^A-Za-z0-9._-]", "_")) + "-export.zip";
        PublicKey key = publicKey();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> export.write(out, programId, key));
    }

    /** The checkpoint key: algorithm, id and PEM. */
    public Map<String, String> publicKeyView() {
        PublicKey key = publicKey();
        if (key == null) {
            throw new RecordNotFoundException("publicKey", "No checkpoint key is published at " + publicKeyFile + ".");
        }
        return Map.of("algorithm", "Ed25519", "keyId", SigningKeys.keyId(key), "pem", SigningKeys.pem(key));
    }

    /** The program an event belongs to, from its metadata; the portfolio's marker for portfolio-wide records. */
    private static String programOf(JsonNode proof) {
        String metaData = proof.path("event").path("metaData").asText(null);
        if (metaData == null) {
            return LedgerMetaData.PORTFOLIO;
        }
        try {
            JsonNode parsed = PROOF_JSON.readTree(Base64.getDecoder().decode(metaData));
            return parsed.path(LedgerMetaData.PROGRAM_ID).asText(LedgerMetaData.PORTFOLIO);
        } catch (java.io.IOException unreadable) {
            return LedgerMetaData.PORTFOLIO;
        }
    }

    /** Grants and deputy appointments are shown to those who may see who has access, as everywhere. */
    private boolean mayRead(String programId, boolean accessRecord) {
        Caller caller = Caller.current();
        if (LedgerMetaData.PORTFOLIO.equals(programId)) {
            return Right.READ_PORTFOLIO_ACCESS.heldBy(access.portfolioRoles(caller));
        }
        return (accessRecord ? Right.READ_ACCESS : Right.READ_PROGRAM).heldBy(access.rolesOn(caller, programId));
    }

    private static boolean isAccessRecord(JsonNode proof) {
        return proof.path("event").path("payloadType").asText("").startsWith("io.governanceledger.events.access.");
    }

    private PublicKey publicKey() {
        return Files.exists(publicKeyFile) ? SigningKeys.loadPublic(publicKeyFile) : null;
    }
}
