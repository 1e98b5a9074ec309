package io.governanceledger.query.audit;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.AccessInterceptor;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit trail")
class AuditTrailController {

    private final QueryGateway queries;

    AuditTrailController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/programs/{programId}/audit-trail")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary =
                    "Every event of the program in ledger order: who, what, when recorded, effective when, why; "
                            + "as recorded by knownAt (an instant, default now) and, if asOf (a date) is given, effective by then")
    AuditTrailView trail(
            @PathVariable String programId,
            @RequestParam(required = false)
                    @Pattern(
                            regexp =
                                    "PROGRAM|DECISION|BUDGET_LINE|BUDGET_MOVEMENT|DELEGATION|CONTRACT|CONTRACT_AMENDMENT|CALL_OFF"
                                            + "|ACCESS_GRANT|DEPUTY_APPOINTMENT|CHANGE_REQUEST|MILESTONE|SCOPE_ITEM"
                                            + "|BASELINE|TOLERANCES|EXCEPTION|OTHER",
                            message = "must be PROGRAM, DECISION, BUDGET_LINE, BUDGET_MOVEMENT, DELEGATION, CONTRACT, "
                                    + "CONTRACT_AMENDMENT, CALL_OFF, ACCESS_GRANT, DEPUTY_APPOINTMENT, CHANGE_REQUEST, "
                                    + "MILESTONE, SCOPE_ITEM, BASELINE, TOLERANCES, EXCEPTION or OTHER")
                    String kind,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant effectiveFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant effectiveTo,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit,
            PointInTime point,
            HttpServletRequest request) {
        return queries.query(
                        new FindAuditTrailQuery(
                                programId,
                                kind,
                                recordId,
                                actor,
                                correlationId,
                                recordedFrom,
                                recordedTo,
                                effectiveFrom,
                                effectiveTo,
                                offset,
                                limit,
                                point,
                                Right.READ_ACCESS.heldBy(AccessInterceptor.rolesHeld(request))),
                        ResponseTypes.optionalInstanceOf(AuditTrailView.class))
                .join()
                .orElseThrow(() -> RecordNotFoundException.unknownProgram(programId, null, null));
    }
}
