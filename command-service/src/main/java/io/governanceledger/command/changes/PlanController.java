package io.governanceledger.command.changes;

import static io.governanceledger.command.changes.ChangeRequestController.reason;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.changes.ExceptionPolicy;
import io.governanceledger.events.changes.ExceptionResponse;
import io.governanceledger.events.changes.Tolerances;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A program's plan under change control: milestones and their dependencies, scope items, baselines,
 * tolerances, and the board's answers to exceptions.
 */
@RestController
@RequestMapping("/api/programs/{programId}")
@Tag(name = "Change control")
class PlanController {

    private final CommandDispatcher commands;
    private final AccessDecider access;

    PlanController(CommandDispatcher commands, AccessDecider access) {
        this.commands = commands;
        this.access = access;
    }

    record MilestoneRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String milestoneId,

            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate plannedDate,
            @MultiLine @Size(max = 2000) String reason) {}

    record ForecastRequest(
            @NotNull LocalDate forecastDate,
            @NotBlank @MultiLine @Size(max = 2000) String reason,
            @Size(max = 20) String changeRequestId) {}

    record AchievedRequest(
            @NotNull LocalDate actualDate,
            @MultiLine @Size(max = 2000) String reason) {}

    record DependencyRequest(
            @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String dependsOnProgramId,

            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String dependsOnMilestoneId,

            @MultiLine @Size(max = 2000) String reason) {}

    record ScopeItemRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String itemId,

            @NotBlank @Size(max = 200) String name,
            @MultiLine @Size(max = 4000) String description,
            @Size(max = 20) String changeRequestId,
            @MultiLine @Size(max = 2000) String reason) {}

    record RemoveScopeItemRequest(
            @Size(max = 20) String changeRequestId,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record BaselineRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 64) String decisionId,
            @Size(max = 20) String changeRequestId,
            @MultiLine @Size(max = 2000) String reason) {}

    record TolerancesRequest(
            @NotBlank @Size(max = 64) String decisionId,

            @PositiveOrZero @Digits(integer = 13, fraction = 2)
            BigDecimal costAmount,

            @PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal costPercent,

            @Min(0) @Max(3650) Integer timeDays,
            @Min(0) @Max(10000) Integer scopeItems,
            ExceptionPolicy costExceptionPolicy,
            @MultiLine @Size(max = 2000) String reason) {}

    record ExceptionDecisionRequest(
            @NotBlank @Size(max = 64) String decisionId,
            @NotNull ExceptionResponse response,
            @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping("/milestones")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Define a milestone with its owner and planned date (its first forecast)")
    ResponseEntity<Accepted> defineMilestone(
            @PathVariable String programId, @Valid @RequestBody MilestoneRequest body) {
        String correlationId = commands.send(
                new DefineMilestoneCommand(
                        ProgramChanges.idOf(programId),
                        programId,
                        body.milestoneId(),
                        body.name(),
                        body.owner(),
                        body.plannedDate()),
                programId,
                reason(body.reason(), "Milestone planned for " + body.plannedDate()));
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/milestones/" + body.milestoneId()))
                .body(new Accepted(body.milestoneId(), "PLANNED", correlationId));
    }

    @PostMapping("/milestones/{milestoneId}/forecast")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(
            summary = "Change a milestone's forecast date, with a reason (and the change request behind it, if"
                    + " any); an exception is raised if it leaves the time tolerance")
    Accepted reforecast(
            @PathVariable String programId,
            @PathVariable String milestoneId,
            @Valid @RequestBody ForecastRequest body) {
        return new Accepted(
                milestoneId,
                "FORECAST",
                commands.send(
                        new ReforecastMilestoneCommand(
                                ProgramChanges.idOf(programId),
                                programId,
                                milestoneId,
                                body.forecastDate(),
                                body.reason(),
                                blankToNull(body.changeRequestId())),
                        programId,
                        body.reason()));
    }

    @PostMapping("/milestones/{milestoneId}/achieved")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Record the date a milestone was reached")
    Accepted achieved(
            @PathVariable String programId,
            @PathVariable String milestoneId,
            @Valid @RequestBody AchievedRequest body) {
        return new Accepted(
                milestoneId,
                "ACHIEVED",
                commands.send(
                        new AchieveMilestoneCommand(
                                ProgramChanges.idOf(programId), programId, milestoneId, body.actualDate()),
                        programId,
                        reason(body.reason(), "Reached on " + body.actualDate())));
    }

    @PostMapping("/milestones/{milestoneId}/dependencies")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Make a milestone depend on another, of this program or of another you may see")
    Accepted addDependency(
            @PathVariable String programId,
            @PathVariable String milestoneId,
            @Valid @RequestBody DependencyRequest body) {
        return link(programId, milestoneId, body, false);
    }

    @PostMapping("/milestones/{milestoneId}/dependencies/remove")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Remove a milestone's dependency on another")
    Accepted removeDependency(
            @PathVariable String programId,
            @PathVariable String milestoneId,
            @Valid @RequestBody DependencyRequest body) {
        return link(programId, milestoneId, body, true);
    }

    private Accepted link(String programId, String milestoneId, DependencyRequest body, boolean remove) {
        String other = body.dependsOnProgramId() == null ? programId : body.dependsOnProgramId();
        if (!other.equals(programId) && !Right.READ_PROGRAM.heldBy(access.rolesOn(Caller.current(), other))) {
            // a program the caller may not see is answered as one without that milestone
            other = "(hidden)";
        }
        String target = other + "/" + body.dependsOnMilestoneId();
        return new Accepted(
                milestoneId,
                remove ? "DEPENDENCY_REMOVED" : "DEPENDENCY_ADDED",
                commands.send(
                        new LinkMilestoneCommand(
                                ProgramChanges.idOf(programId),
                                programId,
                                milestoneId,
                                other,
                                body.dependsOnMilestoneId(),
                                remove),
                        programId,
                        reason(body.reason(), (remove ? "No longer needs " : "Needs ") + target + " first")));
    }

    @PostMapping("/scope-items")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(
            summary = "Add a deliverable to the program's scope; once a baseline exists, only through an approved"
                    + " change request")
    ResponseEntity<Accepted> addScopeItem(@PathVariable String programId, @Valid @RequestBody ScopeItemRequest body) {
        String correlationId = commands.send(
                new AddScopeItemCommand(
                        ProgramChanges.idOf(programId),
                        programId,
                        body.itemId(),
                        body.name(),
                        body.description(),
                        blankToNull(body.changeRequestId())),
                programId,
                reason(body.reason(), changeOr(body.changeRequestId(), "Scope planned")));
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/scope-items/" + body.itemId()))
                .body(new Accepted(body.itemId(), "IN_SCOPE", correlationId));
    }

    @PostMapping("/scope-items/{itemId}/remove")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Remove a deliverable from the scope; once a baseline exists, only through an approved change")
    Accepted removeScopeItem(
            @PathVariable String programId,
            @PathVariable String itemId,
            @Valid @RequestBody RemoveScopeItemRequest body) {
        return new Accepted(
                itemId,
                "REMOVED",
                commands.send(
                        new RemoveScopeItemCommand(
                                ProgramChanges.idOf(programId), programId, itemId, blankToNull(body.changeRequestId())),
                        programId,
                        body.reason()));
    }

    @PostMapping("/baselines")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(
            summary = "Capture the next baseline: scope, milestone dates, cost per line and contract values as of"
                    + " today, approved by a decision (the first) or made by an approved change request (the next)")
    ResponseEntity<Accepted> captureBaseline(@PathVariable String programId, @Valid @RequestBody BaselineRequest body) {
        CommandDispatcher.Sent sent = commands.sendForResult(
                new CaptureBaselineCommand(
                        ProgramChanges.idOf(programId),
                        programId,
                        body.name(),
                        blankToNull(body.decisionId()),
                        blankToNull(body.changeRequestId())),
                programId,
                reason(body.reason(), changeOr(body.changeRequestId(), "Baseline approved")),
                null);
        int number = (Integer) sent.result();
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/baselines/" + number))
                .body(new Accepted(String.valueOf(number), "CAPTURED", sent.correlationId()));
    }

    @PostMapping("/tolerances")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Set the program's cost, time and scope tolerances, as an approved decision set them")
    Accepted setTolerances(@PathVariable String programId, @Valid @RequestBody TolerancesRequest body) {
        Tolerances tolerances = new Tolerances(
                body.costAmount(),
                body.costPercent(),
                body.timeDays(),
                body.scopeItems(),
                body.costExceptionPolicy() == null ? ExceptionPolicy.BLOCK_COMMITMENTS : body.costExceptionPolicy());
        return new Accepted(
                programId,
                "SET",
                commands.send(
                        new SetTolerancesCommand(
                                ProgramChanges.idOf(programId), programId, body.decisionId(), tolerances),
                        programId,
                        reason(body.reason(), "Tolerances set by decision " + body.decisionId())));
    }

    @PostMapping("/exceptions/{exceptionId}/decide")
    @Requires(Right.CONTROL_CHANGES)
    @Operation(summary = "Record the board's answer to an open exception, taken by an approved decision")
    Accepted decideException(
            @PathVariable String programId,
            @PathVariable String exceptionId,
            @Valid @RequestBody ExceptionDecisionRequest body) {
        return new Accepted(
                exceptionId,
                "DECIDED",
                commands.send(
                        new DecideExceptionCommand(
                                ProgramChanges.idOf(programId),
                                programId,
                                exceptionId,
                                body.decisionId(),
                                body.response()),
                        programId,
                        reason(body.reason(), body.response() + " decided by " + body.decisionId())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String changeOr(String changeRequestId, String otherwise) {
        return changeRequestId == null || changeRequestId.isBlank() ? otherwise : "Change " + changeRequestId.strip();
    }
}
