package io.governanceledger.query.workspace.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.governanceledger.ledger.LedgerProof;
import io.governanceledger.ledger.SigningKeys;
import io.governanceledger.query.ledger.LedgerRecords;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.FindProgramsQuery;
import io.governanceledger.query.programs.ProgramView;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.TimeTravel;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.time.BusinessClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The ledger's integrity, an event with its proof, and the auditor's downloads. */
@Controller
@ConditionalOnWorkspace
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class LedgerPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerRecords ledger;
    private final QueryGateway queries;
    private final AccessDecider access;
    private final BusinessClock clock;
    private final Path publicKeyFile;

    LedgerPages(
            LedgerRecords ledger,
            QueryGateway queries,
            AccessDecider access,
            BusinessClock clock,
            @Value("${ledger.signing.public-key-file}") Path publicKeyFile) {
        this.ledger = ledger;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
        this.publicKeyFile = publicKeyFile;
    }

    /**
     * Integrity: the checkpoint key, the bundles the reader may take (their programs where they are
     * program administrator or auditor; the whole store for a portfolio-wide auditor), how to check a
     * bundle offline, and the verification, walked when asked for ({@code verify}): it reads every event.
     */
    @GetMapping("/workspace/ledger")
    @Requires(Right.SIGNED_IN)
    String integrity(@RequestParam(required = false) String verify, PointInTime point, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("travel", TimeTravel.of(point, clock));
        model.addAttribute("key", keyOrNull());
        model.addAttribute("checkpoints", ledger.recentCheckpoints(10));
        model.addAttribute("report", verify == null ? null : ledger.verification());
        var exportable =
                access.programsWhere(caller, Right.EXPORT_BUNDLE.roles()).orElse(null);
        List<ProgramView> programs = queries.query(
                        new FindProgramsQuery(null, point, exportable),
                        ResponseTypes.multipleInstancesOf(ProgramView.class))
                .join();
        model.addAttribute("bundles", programs);
        model.addAttribute(
                "wholeStore",
                Right.EXPORT_BUNDLE.portfolioRoles().stream().anyMatch(access.portfolioRoles(caller)::contains));
        model.addAttribute("publicKeyFile", publicKeyFile.getFileName().toString());
        return "workspace/ledger/integrity";
    }

    private Map<String, String> keyOrNull() {
        try {
            return ledger.publicKeyView();
        } catch (RuntimeException noKey) {
            return null;
        }
    }

    /** One event as the ledger holds it: its bytes, metadata, chain hashes, and its proof checked against the key. */
    @GetMapping("/workspace/ledger/events/{position}")
    @Requires(Right.SIGNED_IN)
    String event(@PathVariable long position, PointInTime point, Model model) throws IOException {
        JsonNode proof = JSON.readTree(ledger.proof(position));
        JsonNode event = proof.path("event");
        model.addAttribute("travel", TimeTravel.of(point, clock));
        model.addAttribute("proof", proof);
        model.addAttribute("payload", pretty(event.path("payload").asText(null)));
        model.addAttribute("metaData", pretty(event.path("metaData").asText(null)));
        model.addAttribute("event", event);
        model.addAttribute("leaf", proof.path("path").path(0).path("leaf").asText());
        String checked;
        try {
            checked = LedgerProof.check(proof, SigningKeys.loadPublic(publicKeyFile));
        } catch (RuntimeException failed) {
            checked = failed.getMessage();
        }
        model.addAttribute("checked", checked);
        return "workspace/ledger/event";
    }

    @GetMapping(value = "/workspace/ledger/proof/{position}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Requires(Right.SIGNED_IN)
    ResponseEntity<String> proof(@PathVariable long position) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proof-" + position + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ledger.proof(position));
    }

    @GetMapping(value = "/workspace/ledger/bundle", produces = "application/zip")
    @Requires(Right.EXPORT_BUNDLE)
    ResponseEntity<StreamingResponseBody> bundle(@RequestParam(required = false) String programId) {
        return ledger.bundle(programId);
    }

    @GetMapping(value = "/workspace/ledger/public-key.pem", produces = "application/x-pem-file")
    @Requires(Right.SIGNED_IN)
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"checkpoint-signing.pub\"")
                .body(ledger.publicKeyView().get("pem"));
    }

    /** The stored bytes (Base64 of UTF-8 JSON) as indented JSON; as they are if they are not JSON. */
    private static String pretty(String base64) {
        if (base64 == null) {
            return "";
        }
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
        } catch (IOException notJson) {
            return text;
        }
    }
}
