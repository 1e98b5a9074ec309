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
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "Ledger")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class LedgerController {

    private final LedgerVerifier verifier;
    private final LedgerExport export;
    private final DataSource dataSource;
    private final KnownPrograms programs;
    private final Path publicKeyFile;
    private final AccessDecider access;
    private static final ObjectMapper PROOF_JSON = new ObjectMapper();

    LedgerController(
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

    @GetMapping(value = "/api/ledger/export", produces = "application/zip")
    @Requires(Right.EXPORT_BUNDLE)
    @Operation(
            summary = "The auditor's bundle (ZIP): events as NDJSON with their chain hashes (other programs' events "
                    + "as leaf digests only when programId is given), signed checkpoints, the public key and a manifest; "
                    + "check it offline with 'verify --bundle=...'")
    ResponseEntity<StreamingResponseBody> exportBundle(@RequestParam(required = false) String programId) {
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

    @GetMapping("/api/ledger/verification")
    @Requires(Right.SIGNED_IN)
    @Operation(
            summary = "Walk the whole ledger order and its signed checkpoints: 'verified up to position N', or the "
                    + "first position that fails and why (row-deleted, event-changed, rows-swapped, row-inserted, "
                    + "chain-rewritten, checkpoint-forged)")
    VerificationReport verify() {
        VerificationReport report = verifier.verify(publicKey());
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

    @GetMapping("/api/ledger/proof/{position}")
    @Requires(Right.SIGNED_IN)
    @Operation(
            summary = "Proof that the event at a position is part of the signed history: its exact bytes, the "
                    + "chain hash before it, the leaf digests after it up to the next checkpoint, and that checkpoint")
    ResponseEntity<String> proof(@PathVariable long position) {
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
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(proof.toString());
    }

    @GetMapping("/api/ledger/public-key")
    @Requires(Right.SIGNED_IN)
    @Operation(summary = "The Ed25519 key checkpoints are signed with, for auditors to pin and check exports against")
    Map<String, String> publicKeyView() {
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
