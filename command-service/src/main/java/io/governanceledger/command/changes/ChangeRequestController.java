package io.governanceledger.command.changes;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.changes.AffectedItem;
import io.governanceledger.events.changes.AffectedKind;
import io.governanceledger.events.changes.ChangeRequestDetails;
import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeType;
import io.governanceledger.events.changes.ChangeUrgency;
import io.governanceledger.events.changes.CostImpact;
import io.governanceledger.events.changes.Requester;
import io.governanceledger.events.changes.ScheduleImpact;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.support.caching.BoundedCache;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A program's change requests: raised, assessed, submitted to a decision, implemented, closed or withdrawn. */
@RestController
@RequestMapping("/api/programs/{programId}/change-requests")
@Tag(name = "Change control")
class ChangeRequestController {

    private final CommandDispatcher commands;

    ChangeRequestController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** A program's change control takes many commands: keep recent ones in memory. */
    @Bean
    static Cache changesCache(@Value("${ledger.changes.cached-programs:1000}") int cachedPrograms) {
        return new BoundedCache(cachedPrograms);
    }

    record RequesterRequest(
            @NotBlank @Size(max = 200) String organisation,
            @NotBlank @Size(max = 200) String person) {}

    record AffectedRequest(
            @NotNull AffectedKind kind,

            @NotBlank @Size(max = 100) String reference) {}

    record RaiseRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @MultiLine @Size(max = 10000) String description,
            @NotNull ChangeType type,
            @NotNull @Valid RequesterRequest requestedBy,
            @NotNull ChangeUrgency urgency,
            @Size(max = 50) List<@Valid @NotNull AffectedRequest> affected,
            @MultiLine @Size(max = 2000) String reason) {

        ChangeRequestDetails details() {
            return new ChangeRequestDetails(
                    title.strip(),
                    description.strip(),
                    type,
                    new Requester(
                            requestedBy.organisation().strip(),
                            requestedBy.person().strip()),
                    urgency,
                    affected == null
                            ? List.of()
                            : affected.stream()
                                    .map(item -> new AffectedItem(
                                            item.kind(), item.reference().strip()))
                                    .toList());
        }
    }

    record CostRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String lineId,

            @NotNull @Digits(integer = 13, fraction = 2) BigDecimal amount) {}

    record ScheduleRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String milestoneId,

            @NotNull @Min(-3650) @Max(3650) Integer days) {}

    record ContractRequest(
            @NotBlank @Size(max = 100) String contractId,
            @NotNull LegalBasis legalBasis,
            @Size(max = 40) String reviewClauseId,
            @NotNull @Digits(integer = 13, fraction = 2) BigDecimal valueDelta,
            @Min(-600) @Max(600) Integer termDeltaMonths,
            LocalDate signedOn) {}

    record AssessRequest(
            @Size(max = 100) List<@Valid @NotNull CostRequest> costs,
            @Size(max = 100) List<@Valid @NotNull ScheduleRequest> schedule,
            @NotBlank @MultiLine @Size(max = 10000) String scope,
            @NotBlank @MultiLine @Size(max = 10000) String risk,
            @MultiLine @Size(max = 10000) String options,
            @Valid ContractRequest contract,
            @MultiLine @Size(max = 2000) String reason) {}

    record SubmitRequest(
            @NotBlank @Size(max = 64) String decisionId,
            @MultiLine @Size(max = 2000) String reason) {}

    record ReasonRequest(
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record OptionalReasonRequest(
            @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping
    @Requires(Right.RAISE_CHANGE_REQUESTS)
    @Operation(summary = "Raise a change request; it is numbered CR-1, CR-2, ... in the program")
    ResponseEntity<Accepted> raise(@PathVariable String programId, @Valid @RequestBody RaiseRequest body) {
        CommandDispatcher.Sent sent = commands.sendForResult(
                new RaiseChangeRequestCommand(ProgramChanges.idOf(programId), programId, body.details()),
                programId,
                reason(
                        body.reason(),
                        "Raised by " + body.requestedBy().person().strip() + " ("
                                + body.requestedBy().organisation().strip() + ")"),
                null);
        String id = (String) sent.result();
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/change-requests/" + id))
                .body(new Accepted(id, ChangeRequestStatus.RAISED.name(), sent.correlationId()));
    }

    @PostMapping("/{changeRequestId}/assessment")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    @Operation(summary = "Take a raised or deferred change request up for assessment; you are its assessor")
    Accepted startAssessment(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody(required = false) OptionalReasonRequest body) {
        String reason = reason(body == null ? null : body.reason(), "Taken up for assessment");
        return accepted(
                changeRequestId,
                ChangeRequestStatus.UNDER_ASSESSMENT,
                commands.send(
                        new StartChangeAssessmentCommand(ProgramChanges.idOf(programId), programId, changeRequestId),
                        programId,
                        reason));
    }

    @PostMapping("/{changeRequestId}/assessments")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    @Operation(
            summary = "Record an impact assessment (a revised one is a new revision): cost per line, schedule per"
                    + " milestone, scope, risk, options, and the amendment a contract needs, judged by the"
                    + " procurement rules")
    ResponseEntity<Accepted> assess(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody AssessRequest body) {
        ContractChange contract = body.contract() == null
                ? null
                : new ContractChange(
                        body.contract().contractId().strip(),
                        body.contract().legalBasis(),
                        body.contract().reviewClauseId(),
                        body.contract().valueDelta(),
                        body.contract().termDeltaMonths() == null
                                ? 0
                                : body.contract().termDeltaMonths(),
                        body.contract().signedOn());
        CommandDispatcher.Sent sent = commands.sendForResult(
                new AssessChangeRequestCommand(
                        ProgramChanges.idOf(programId),
                        programId,
                        changeRequestId,
                        body.costs() == null
                                ? List.of()
                                : body.costs().stream()
                                        .map(cost -> new CostImpact(cost.lineId(), cost.amount()))
                                        .toList(),
                        body.schedule() == null
                                ? List.of()
                                : body.schedule().stream()
                                        .map(item -> new ScheduleImpact(item.milestoneId(), item.days()))
                                        .toList(),
                        body.scope().strip(),
                        body.risk().strip(),
                        body.options() == null || body.options().isBlank()
                                ? null
                                : body.options().strip(),
                        contract),
                programId,
                reason(body.reason(), "Impact assessed"),
                null);
        int revision = (Integer) sent.result();
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/change-requests/" + changeRequestId
                        + "/assessments/" + revision))
                .body(new Accepted(changeRequestId, ChangeRequestStatus.ASSESSED.name(), sent.correlationId()));
    }

    @PostMapping("/{changeRequestId}/submit")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(
            summary = "Submit an assessed change request to a proposed decision; approving, rejecting or deferring"
                    + " that decision decides it")
    Accepted submit(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody SubmitRequest body) {
        return accepted(
                changeRequestId,
                ChangeRequestStatus.SUBMITTED,
                commands.send(
                        new SubmitChangeRequestCommand(
                                ProgramChanges.idOf(programId), programId, changeRequestId, body.decisionId()),
                        programId,
                        reason(body.reason(), "Submitted for decision " + body.decisionId())));
    }

    @PostMapping("/{changeRequestId}/withdraw")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Withdraw a change request that is not decided yet, with a reason")
    Accepted withdraw(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody ReasonRequest body) {
        return accepted(
                changeRequestId,
                ChangeRequestStatus.WITHDRAWN,
                commands.send(
                        new WithdrawChangeRequestCommand(ProgramChanges.idOf(programId), programId, changeRequestId),
                        programId,
                        body.reason()));
    }

    @PostMapping("/{changeRequestId}/implementation")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Start implementing an approved change request")
    Accepted startImplementation(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody(required = false) OptionalReasonRequest body) {
        return advance(programId, changeRequestId, ChangeRequestStatus.IMPLEMENTING, body, "Implementation started");
    }

    @PostMapping("/{changeRequestId}/implemented")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Mark a change request's implementation complete")
    Accepted implemented(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody(required = false) OptionalReasonRequest body) {
        return advance(programId, changeRequestId, ChangeRequestStatus.IMPLEMENTED, body, "Implementation complete");
    }

    @PostMapping("/{changeRequestId}/close")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Close an implemented change request")
    Accepted close(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @Valid @RequestBody(required = false) OptionalReasonRequest body) {
        return advance(programId, changeRequestId, ChangeRequestStatus.CLOSED, body, "Closed");
    }

    private Accepted advance(
            String programId,
            String changeRequestId,
            ChangeRequestStatus to,
            OptionalReasonRequest body,
            String defaultReason) {
        return accepted(
                changeRequestId,
                to,
                commands.send(
                        new AdvanceChangeRequestCommand(ProgramChanges.idOf(programId), programId, changeRequestId, to),
                        programId,
                        reason(body == null ? null : body.reason(), defaultReason)));
    }

    private static Accepted accepted(String id, ChangeRequestStatus status, String correlationId) {
        return new Accepted(id, status.name(), correlationId);
    }

    static String reason(String given, String otherwise) {
        return given != null && !given.isBlank() ? given : otherwise;
    }
}
