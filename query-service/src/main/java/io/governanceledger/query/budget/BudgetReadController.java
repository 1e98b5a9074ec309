package io.governanceledger.query.budget;

import io.governanceledger.events.AsOf;
import io.governanceledger.events.budget.BudgetLineLineageView;
import io.governanceledger.events.budget.BudgetView;
import io.governanceledger.events.budget.FindBudgetLineLineageQuery;
import io.governanceledger.events.budget.DelegationView;
import io.governanceledger.events.budget.FindBudgetQuery;
import io.governanceledger.events.budget.FindDelegationsQuery;
import io.governanceledger.events.budget.FindMovementQuery;
import io.governanceledger.events.budget.FindMovementsQuery;
import io.governanceledger.events.budget.FindPendingApprovalsQuery;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementLedgerView;
import io.governanceledger.events.budget.MovementView;
import io.governanceledger.support.web.ProblemResponses;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import io.governanceledger.query.timeline.PointInTime;
import io.governanceledger.query.timeline.TimeTravelHeaders;
import io.governanceledger.support.time.BusinessClock;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Budget")
class BudgetReadController {

    private final QueryGateway queries;
    private final BusinessClock clock;

    BudgetReadController(QueryGateway queries, BusinessClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/programs/{programId}/budget")
    @Operation(summary = "Balances per line, per fiscal year, per category and for the program, as they stood on asOf "
            + "(a date) according to what was recorded by knownAt (an instant); both default to now")
    BudgetView budget(@PathVariable String programId,
                      @RequestParam(required = false) AsOf asOf,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return queries.query(new FindBudgetQuery(programId, asOf, knownAt), ResponseTypes.optionalInstanceOf(BudgetView.class))
                      .join()
                      .orElseThrow(() -> RecordNotFoundException.unknownProgram(programId, asOf, knownAt));
    }

    @GetMapping("/api/programs/{programId}/budget/movements")
    @Operation(summary = "The ledger of movements with their approvals and authorising decision; filters are optional")
    ResponseEntity<?> movements(@PathVariable String programId,
                                @RequestParam(required = false) String lineId,
                                @RequestParam(required = false) MovementKind kind,
                                @RequestParam(required = false) @Pattern(regexp = "PENDING|BOOKED|REFUSED|EXPIRED",
                                        message = "must be PENDING, BOOKED, REFUSED or EXPIRED") String status,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) String reference,
                                @RequestParam(defaultValue = "0") @Min(0) int offset,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                @RequestParam(required = false) AsOf asOf,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        if (from != null && to != null && from.isAfter(to)) {
            return fromAfterTo(to);
        }
        return ResponseEntity.ok(ledger(new FindMovementsQuery(programId, lineId, kind, status, from, to, reference,
                                                               offset, limit, asOf, knownAt)));
    }

    @GetMapping(value = "/api/programs/{programId}/budget/movements.csv", produces = "text/csv")
    @Operation(summary = "The same ledger as CSV (all matching movements), for spreadsheets and auditors")
    ResponseEntity<?> movementsCsv(@PathVariable String programId,
                                   @RequestParam(required = false) String lineId,
                                   @RequestParam(required = false) MovementKind kind,
                                   @RequestParam(required = false) @Pattern(regexp = "PENDING|BOOKED|REFUSED|EXPIRED",
                                           message = "must be PENDING, BOOKED, REFUSED or EXPIRED") String status,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) String reference,
                                   @RequestParam(required = false) AsOf asOf,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        if (from != null && to != null && from.isAfter(to)) {
            return fromAfterTo(to);
        }
        MovementLedgerView ledger = ledger(new FindMovementsQuery(programId, lineId, kind, status, from, to, reference,
                                                                  0, 0, asOf, knownAt));
        return ResponseEntity.ok()
                             .headers(TimeTravelHeaders.of(ledger.asOf(), ledger.knownAt()))
                             .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     "attachment; filename=\"" + programId.replaceAll("[^A-Za-z0-9._-]", "_")
                                             + "-budget-ledger.csv\"")
                             .body(LedgerCsv.write(ledger.movements()));
    }

    @GetMapping("/api/programs/{programId}/budget/movements/{movementId}")
    @Operation(summary = "One movement with its approvals and ledger entries, as it stood on asOf (a date, default "
            + "today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<MovementView> movement(@PathVariable String programId, @PathVariable String movementId,
                                          @RequestParam(required = false) AsOf asOf,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        PointInTime point = PointInTime.of(asOf, knownAt, clock);
        MovementView movement = queries.query(new FindMovementQuery(programId, movementId, point.stated(), point.knownAt()),
                                              ResponseTypes.optionalInstanceOf(MovementView.class))
                                       .join()
                                       .orElseThrow(() -> RecordNotFoundException.notAt("movementId", "Program " + programId
                                               + " has no movement '" + movementId + "'", asOf, knownAt));
        return ResponseEntity.ok().headers(TimeTravelHeaders.of(point.stated(), point.knownAt())).body(movement);
    }

    @GetMapping("/api/programs/{programId}/budget/lines/{lineId}/lineage")
    @Operation(summary = "Why a line stands where it does: every booked leg with its movement, approvals and decision, "
            + "as it stood on asOf (a date, default today) according to what was recorded by knownAt (an instant, default now)")
    BudgetLineLineageView lineage(@PathVariable String programId, @PathVariable String lineId,
                                  @RequestParam(required = false) AsOf asOf,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return queries.query(new FindBudgetLineLineageQuery(programId, lineId, asOf, knownAt),
                             ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                      .join()
                      .orElseThrow(() -> RecordNotFoundException.notAt("lineId", "Program " + programId
                              + " has no budget line '" + lineId + "'", asOf, knownAt));
    }

    @GetMapping("/api/programs/{programId}/budget/delegations")
    @Operation(summary = "Delegations of authority, revoked ones included, as granted and revoked on asOf (a date, "
            + "default today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<List<DelegationView>> delegations(@PathVariable String programId,
                                                     @RequestParam(required = false) AsOf asOf,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        PointInTime point = PointInTime.of(asOf, knownAt, clock);
        budget(programId, point.stated(), point.knownAt());
        return ResponseEntity.ok().headers(TimeTravelHeaders.of(point.stated(), point.knownAt()))
                             .body(queries.query(new FindDelegationsQuery(programId, point.stated(), point.knownAt()),
                                                 ResponseTypes.multipleInstancesOf(DelegationView.class)).join());
    }

    @GetMapping("/api/pending-approvals")
    @Operation(summary = "Movements waiting for an approver (you, unless another approver is named), on asOf (a date, "
            + "default today) according to what was recorded by knownAt (an instant, default now)")
    ResponseEntity<List<MovementView>> pendingApprovals(@RequestParam(required = false) String approver,
                                                        @RequestParam(required = false) String programId,
                                                        @RequestParam(required = false) AsOf asOf,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                                        Authentication user) {
        PointInTime point = PointInTime.of(asOf, knownAt, clock);
        return ResponseEntity.ok().headers(TimeTravelHeaders.of(point.stated(), point.knownAt()))
                             .body(queries.query(new FindPendingApprovalsQuery(approver != null ? approver : user.getName(),
                                                                               programId, point.stated(), point.knownAt()),
                                                 ResponseTypes.multipleInstancesOf(MovementView.class)).join());
    }

    private MovementLedgerView ledger(FindMovementsQuery query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(MovementLedgerView.class)).join()
                      .orElseThrow(() -> RecordNotFoundException.unknownProgram(query.programId(), query.asOf(),
                                                                                query.knownAt()));
    }

    private static ResponseEntity<?> fromAfterTo(LocalDate to) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(ProblemResponses.invalidInput(
                "'from' must not be after 'to'.",
                List.of(new ProblemResponses.FieldError("from", "from-not-after-to", "must not be after " + to))));
    }
}
