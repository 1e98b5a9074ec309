package io.governanceledger.query.ledger;

import io.governanceledger.ledger.VerificationReport;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    private final LedgerRecords ledger;

    LedgerController(LedgerRecords ledger) {
        this.ledger = ledger;
    }

    @GetMapping(value = "/api/ledger/export", produces = "application/zip")
    @Requires(Right.EXPORT_BUNDLE)
    @Operation(
            summary = "The auditor's bundle (ZIP): events as NDJSON with their chain hashes (other programs' events "
                    + "as leaf digests only when programId is given), signed checkpoints, the public key and a manifest; "
                    + "check it offline with 'verify --bundle=...'")
    ResponseEntity<StreamingResponseBody> exportBundle(@RequestParam(required = false) String programId) {
        return ledger.bundle(programId);
    }

    @GetMapping("/api/ledger/verification")
    @Requires(Right.SIGNED_IN)
    @Operation(
            summary = "Walk the whole ledger order and its signed checkpoints: 'verified up to position N', or the "
                    + "first position that fails and why (row-deleted, event-changed, rows-swapped, row-inserted, "
                    + "chain-rewritten, checkpoint-forged)")
    VerificationReport verify() {
        return ledger.verification();
    }

    @GetMapping("/api/ledger/proof/{position}")
    @Requires(Right.SIGNED_IN)
    @Operation(
            summary = "Proof that the event at a position is part of the signed history: its exact bytes, the "
                    + "chain hash before it, the leaf digests after it up to the next checkpoint, and that checkpoint")
    ResponseEntity<String> proof(@PathVariable long position) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ledger.proof(position));
    }

    @GetMapping("/api/ledger/public-key")
    @Requires(Right.SIGNED_IN)
    @Operation(summary = "The Ed25519 key checkpoints are signed with, for auditors to pin and check exports against")
    Map<String, String> publicKeyView() {
        return ledger.publicKeyView();
    }
}
