package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Change control as it stood on {@code asOf} (a date, default today) according to what was recorded by
 * {@code knownAt} (an instant, default now).
 */
@RestController
@RequestMapping("/api/programs/{programId}")
@Tag(name = "Change control")
class ChangeReadController {

    private final QueryGateway queries;
    private final AccessDecider access;

    ChangeReadController(QueryGateway queries, AccessDecider access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/change-requests")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "The change register by number, optionally of one status, with the count per status")
    ChangeRegisterView register(
            @PathVariable String programId,
            @RequestParam(required = false) ChangeRequestStatus status,
            PointInTime point) {
        return program(
                queries.query(
                        new FindChangeRequestsQuery(programId, status, point),
                        ResponseTypes.optionalInstanceOf(ChangeRegisterView.class)),
                programId,
                point);
    }

    @GetMapping("/change-requests/{changeRequestId}")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "One change request: as raised, its assessments, its decision and conditions, its trace (the"
                    + " decision, movements, amendments, baselines and plan changes that implement it) and history")
    ChangeRequestView changeRequest(
            @PathVariable String programId, @PathVariable String changeRequestId, PointInTime point) {
        return queries.query(
                        new FindChangeRequestQuery(programId, changeRequestId, point),
                        ResponseTypes.optionalInstanceOf(ChangeRequestView.class))
                .join()
                .orElseThrow(() -> point.notFound(
                        "changeRequestId",
                        "Program " + programId + " has no change request '" + changeRequestId + "'"));
    }

    @GetMapping("/milestones")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "The milestones by date: baseline, forecast and actual dates, variance in days, and each"
                    + " dependency expected after the milestone that needs it flagged")
    MilestonesView milestones(@PathVariable String programId, PointInTime point) {
        return program(
                queries.query(
                        new FindMilestonesQuery(
                                programId,
                                point,
                                access.programsWhere(Caller.current(), Right.READ_PROGRAM.roles())
                                        .orElse(null)),
                        ResponseTypes.optionalInstanceOf(MilestonesView.class)),
                programId,
                point);
    }

    @GetMapping("/baselines")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "The baselines, newest first: who approved each, the point it froze and its content hash")
    BaselinesView baselines(@PathVariable String programId, PointInTime point) {
        return program(
                queries.query(
                        new FindBaselinesQuery(programId, null, point),
                        ResponseTypes.optionalInstanceOf(BaselinesView.class)),
                programId,
                point);
    }

    @GetMapping("/baselines/{number}")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "One baseline with its content, and whether the content still hashes to its hash")
    BaselinesView baseline(@PathVariable String programId, @PathVariable int number, PointInTime point) {
        return queries.query(
                        new FindBaselinesQuery(programId, number, point),
                        ResponseTypes.optionalInstanceOf(BaselinesView.class))
                .join()
                .orElseThrow(() -> noBaseline(programId, number, point));
    }

    @GetMapping("/baselines/{number}/comparison")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "A baseline against another (against=N) or against the program at the point (no against):"
                    + " variance of cost per line and in total, of dates per milestone, scope added and removed,"
                    + " contract values")
    BaselineComparisonView comparison(
            @PathVariable String programId,
            @PathVariable int number,
            @RequestParam(required = false) Integer against,
            PointInTime point) {
        return queries.query(
                        new FindBaselineComparisonQuery(programId, number, against, point),
                        ResponseTypes.optionalInstanceOf(BaselineComparisonView.class))
                .join()
                .orElseThrow(() -> noBaseline(programId, against != null ? against : number, point));
    }

    @GetMapping("/exceptions")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "The exceptions the ledger raised, newest first (open=true: the open ones only), with figures")
    ExceptionsView exceptions(
            @PathVariable String programId, @RequestParam(defaultValue = "false") boolean open, PointInTime point) {
        return program(
                queries.query(
                        new FindExceptionsQuery(programId, open, point),
                        ResponseTypes.optionalInstanceOf(ExceptionsView.class)),
                programId,
                point);
    }

    @GetMapping("/change-plan")
    @Requires(Right.READ_PROGRAM)
    @Operation(summary = "The scope items and the tolerances in force, with the decision that set them")
    ChangePlanView plan(@PathVariable String programId, PointInTime point) {
        return program(
                queries.query(
                        new FindChangePlanQuery(programId, point),
                        ResponseTypes.optionalInstanceOf(ChangePlanView.class)),
                programId,
                point);
    }

    private static <T> T program(CompletableFuture<Optional<T>> answer, String programId, PointInTime point) {
        return answer.join().orElseThrow(() -> point.unknownProgram(programId));
    }

    private static RecordNotFoundException noBaseline(String programId, int number, PointInTime point) {
        return point.notFound("number", "Program " + programId + " has no baseline " + number);
    }
}
