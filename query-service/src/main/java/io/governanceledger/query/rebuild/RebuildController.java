package io.governanceledger.query.rebuild;

import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.ProblemResponses;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/read-models/{readModel}/rebuild")
@Tag(name = "Operations")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class RebuildController {

    private final ProjectionRebuilder rebuilder;

    RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping
    @Requires(Right.REBUILD_READ_MODELS)
    @Operation(
            summary = "Rebuild a read model (programs, decisions, budget, contracts, audit), or all of them in one "
                    + "pass (all), from the ledger while the old copy keeps answering; the answer is its progress, to follow "
                    + "with GET. 409 while another running rebuild covers one of its read models")
    ResponseEntity<RebuildProgress> start(@PathVariable String readModel) {
        RebuildProgress progress = rebuilder.start(readModel);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/read-models/" + readModel + "/rebuild"))
                .body(progress);
    }

    @ExceptionHandler(ProjectionRebuilder.RebuildRunningException.class)
    ResponseEntity<ProblemDetail> running(ProjectionRebuilder.RebuildRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemResponses.problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage()));
    }

    @GetMapping
    @Requires(Right.INSPECT_LEDGER)
    @Operation(summary = "Progress of the read model's last rebuild: events processed, rate, time left, state")
    RebuildProgress progress(@PathVariable String readModel) {
        return rebuilder
                .progress(readModel)
                .orElseThrow(() -> new RecordNotFoundException(
                        "readModel", "No rebuild of '" + readModel + "' since this service started."));
    }
}
