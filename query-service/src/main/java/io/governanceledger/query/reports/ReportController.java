package io.governanceledger.query.reports;

import io.governanceledger.query.pointintime.RequestedPoint;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.ProblemResponses;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/programs/{programId}/reports/{report}")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "A reproducible report (decision-register, budget-ledger, contract-history, change-register or "
                    + "baseline-comparison) as CSV with its "
                    + "manifest, at ledger position 'position' (default: the last) and effective date asOf (default: the "
                    + "business date of that position); the same request later gives the same bytes and SHA-256")
    ResponseEntity<?> report(
            @PathVariable String programId,
            @PathVariable String report,
            @RequestParam(required = false) Long position,
            RequestedPoint requested) {
        if (!Reports.READS.containsKey(report)) {
            throw new RecordNotFoundException(
                    "report",
                    "No report '" + report + "'; there are "
                            + String.join(
                                    ", ",
                                    Reports.READS.keySet().stream().sorted().toList()) + ".");
        }
        long head = reports.ledgerHead();
        long at = position != null ? position : head;
        if (at < 1 || at > head) {
            return ResponseEntity.badRequest()
                    .body(ProblemResponses.invalidInput(
                            "'position' must name a sealed ledger position.",
                            List.of(new ProblemResponses.FieldError(
                                    "position", "within-ledger", "must be between 1 and " + head))));
        }
        Reports.Outcome outcome =
                reports.produce(report, programId, at, requested.asOf().value());
        if (outcome instanceof Reports.Produced produced) {
            return ResponseEntity.ok(produced.report());
        }
        if (outcome instanceof Reports.Behind behind) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .body(ProblemResponses.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "read-model-behind",
                            "Read model '" + behind.readModel() + "' is at position "
                                    + behind.at() + ", before " + behind.needed()
                                    + "; retry in a moment."));
        }
        throw RecordNotFoundException.unknownProgram(programId, requested.asOf().value(), null);
    }
}
