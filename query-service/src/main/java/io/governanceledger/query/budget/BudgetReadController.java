package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInHeaders;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Budget")
class BudgetReadController {

    private final QueryGateway queries;
    private final AccessDecider access;

    BudgetReadController(QueryGateway queries, AccessDecider access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/programs/{programId}/budget")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "Balances per line, per fiscal year, per category and for the program, as they stood on asOf "
                    + "(a date) according to what was recorded by knownAt (an instant); both default to now")
    BudgetView budget(@PathVariable String programId, PointInTime point) {
        return queries.query(new FindBudgetQuery(programId, point), ResponseTypes.optionalInstanceOf(BudgetView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
    }

    @GetMapping("/api/programs/{programId}/budget/movements")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "The ledger of movements with their approvals and authorising decision; filters are optional")
    ResponseEntity<?> movements(
            @PathVariable String programId,
            @ParameterObject MovementFilter filter,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            PointInTime point) {
        if (filter.fromAfterTo()) {
            return ResponseEntity.badRequest().body(ProblemResponses.fromAfterTo(filter.to()));
        }
        return ResponseEntity.ok(ledger(filter.query(programId, offset, limit, point)));
    }

    @GetMapping(value = "/api/programs/{programId}/budget/movements.csv", produces = "text/csv")
    @Requires(Right.READ_PROGRAM)
    @PointInHeaders
    @Operation(summary = "The same ledger as CSV (all matching movements), for spreadsheets and auditors")
    ResponseEntity<?> movementsCsv(
            @PathVariable String programId, @ParameterObject MovementFilter filter, PointInTime point) {
        if (filter.fromAfterTo()) {
            return ResponseEntity.badRequest().body(ProblemResponses.fromAfterTo(filter.to()));
        }
        return LedgerCsv.download(
                programId, ledger(filter.query(programId, 0, 0, point)).movements());
    }

    @GetMapping("/api/programs/{programId}/budget/movements/{movementId}")
    @Requires(Right.READ_PROGRAM)
    @PointInHeaders
    @Operation(
            summary = "One movement with its approvals and ledger entries, as it stood on asOf (a date, default "
                    + "today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<MovementView> movement(
            @PathVariable String programId, @PathVariable String movementId, PointInTime point) {
        MovementView movement = queries.query(
                        new FindMovementQuery(programId, movementId, point),
                        ResponseTypes.optionalInstanceOf(MovementView.class))
                .join()
                .orElseThrow(() ->
                        point.notFound("movementId", "Program " + programId + " has no movement '" + movementId + "'"));
        return ResponseEntity.ok().body(movement);
    }

    @GetMapping("/api/programs/{programId}/budget/lines/{lineId}/lineage")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary =
                    "Why a line stands where it does: every booked leg with its movement, approvals and decision, "
                            + "as it stood on asOf (a date, default today) according to what was recorded by knownAt (an instant, default now)")
    BudgetLineLineageView lineage(@PathVariable String programId, @PathVariable String lineId, PointInTime point) {
        return queries.query(
                        new FindBudgetLineLineageQuery(programId, lineId, point),
                        ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                .join()
                .orElseThrow(() ->
                        point.notFound("lineId", "Program " + programId + " has no budget line '" + lineId + "'"));
    }

    @GetMapping("/api/programs/{programId}/budget/delegations")
    @Requires(Right.READ_PROGRAM)
    @PointInHeaders
    @Operation(
            summary = "Delegations of authority, revoked ones included, as granted and revoked on asOf (a date, "
                    + "default today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<List<DelegationView>> delegations(@PathVariable String programId, PointInTime point) {
        budget(programId, point);
        return ResponseEntity.ok()
                .body(queries.query(
                                new FindDelegationsQuery(programId, point),
                                ResponseTypes.multipleInstancesOf(DelegationView.class))
                        .join());
    }

    @GetMapping("/api/pending-approvals")
    @Requires(Right.SIGNED_IN)
    @PointInHeaders
    @Operation(
            summary = "Movements waiting for an approver (you, unless another approver is named: then only on programs "
                    + "where you are program administrator, finance controller or auditor), on programs you may read, "
                    + "on asOf (a date, "
                    + "default today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<List<MovementView>> pendingApprovals(
            @RequestParam(required = false) String approver,
            @RequestParam(required = false) String programId,
            PointInTime point) {
        Caller caller = Caller.current();
        boolean own = approver == null || approver.equals(caller.subject());
        Right needed = own ? Right.READ_PROGRAM : Right.OVERSEE_APPROVALS;
        Set<String> only = access.programsWhere(caller, needed.roles()).orElse(null);
        return ResponseEntity.ok()
                .body(queries.query(
                                new FindPendingApprovalsQuery(
                                        own ? caller.subject() : approver, programId, point, only),
                                ResponseTypes.multipleInstancesOf(MovementView.class))
                        .join());
    }

    private MovementLedgerView ledger(FindMovementsQuery query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(MovementLedgerView.class))
                .join()
                .orElseThrow(() -> query.point().unknownProgram(query.programId()));
    }
}
