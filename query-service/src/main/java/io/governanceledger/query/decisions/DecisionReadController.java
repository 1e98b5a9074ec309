package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/decisions")
@Tag(name = "Decisions")
class DecisionReadController {

    private final QueryGateway queries;

    DecisionReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary =
                    "The program's decision register, newest first; from/to bound the decision date, inclusive; "
                            + "as it stood on asOf (a date, default today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<?> register(
            @PathVariable String programId,
            @RequestParam(required = false) DecisionStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            PointInTime point) {
        if (from != null && to != null && from.isAfter(to)) {
            return ResponseEntity.badRequest().body(ProblemResponses.fromAfterTo(to));
        }
        DecisionRegisterView register = queries.query(
                        new FindDecisionsQuery(programId, status, from, to, offset, limit, point),
                        ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        return ResponseEntity.ok(register);
    }

    @GetMapping("/{decisionId}")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "One decision with its content, links and history, as it stood on asOf (a date, default "
                    + "today) according to what was recorded by knownAt (an instant, default now)")
    DecisionView decision(@PathVariable String programId, @PathVariable String decisionId, PointInTime point) {
        return queries.query(
                        new FindDecisionQuery(programId, decisionId, point),
                        ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join()
                .orElseThrow(() ->
                        point.notFound("decisionId", "Program " + programId + " has no decision '" + decisionId + "'"));
    }
}
