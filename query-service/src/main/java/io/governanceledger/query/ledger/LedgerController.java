package io.governanceledger.query.ledger;

import io.governanceledger.support.ledger.LedgerVerifier;
import io.governanceledger.support.ledger.SigningKeys;
import io.governanceledger.support.ledger.VerificationReport;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;

@RestController
@Tag(name = "Ledger")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class LedgerController {

    private final LedgerVerifier verifier;
    private final Path publicKeyFile;

    LedgerController(LedgerVerifier verifier, @Value("${ledger.signing.public-key-file}") Path publicKeyFile) {
        this.verifier = verifier;
        this.publicKeyFile = publicKeyFile;
    }

    @GetMapping("/api/ledger/verification")
    @Operation(summary = "Walk the whole ledger order and its signed checkpoints: 'verified up to position N', or the "
            + "first position that fails and why (row-deleted, event-changed, rows-swapped, row-inserted, "
            + "chain-rewritten, checkpoint-forged)")
    VerificationReport verify() {
        return verifier.verify(publicKey());
    }

    @GetMapping("/api/ledger/public-key")
    @Operation(summary = "The Ed25519 key checkpoints are signed with, for auditors to pin and check exports against")
    Map<String, String> publicKeyView() {
        PublicKey key = publicKey();
        if (key == null) {
            throw new RecordNotFoundException("publicKey", "No checkpoint key is published at " + publicKeyFile + ".");
        }
        return Map.of("algorithm", "Ed25519", "keyId", SigningKeys.keyId(key), "pem", SigningKeys.pem(key));
    }

    private PublicKey publicKey() {
        return Files.exists(publicKeyFile) ? SigningKeys.loadPublic(publicKeyFile) : null;
    }
}
