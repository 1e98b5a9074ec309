package io.governanceledger.command.budget;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementStatus;
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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.hibernate.validator.constraints.UniqueElements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/budget")
@Tag(name = "Budget")
class BudgetController {

    private final CommandDispatcher commands;

    BudgetController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** A program's budget takes many commands: keep recent ones in memory instead of re-reading their events. */
    @Bean
    static Cache budgetCache(@Value("${ledger.budget.cached-programs:1000}") int cachedPrograms) {
        return new BoundedCache(cachedPrograms);
    }

    record LineRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String lineId,

            @NotBlank @Size(max = 100) String workstream,
            @NotNull CostCategory category,
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @MultiLine @Size(max = 2000) String reason) {}

    record PolicyRequest(
            @Positive @Digits(integer = 13, fraction = 2) BigDecimal fourEyesThreshold,
            Set<@NotNull MovementKind> authorisationRequiredFor,
            @NotNull @Min(1) @Max(365) Integer approvalWindowDays,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record DelegationRequest(
            @NotBlank @Pattern(regexp = IdFormats.SUBJECT, message = IdFormats.SUBJECT_RULE)
            String holder,

            @NotNull @Positive @Digits(integer = 13, fraction = 2)
            BigDecimal maxAmount,

            @NotBlank @Pattern(regexp = IdFormats.CURRENCY, message = IdFormats.CURRENCY_RULE)
            String currency,

            @UniqueElements @Size(max = 200) List<@NotBlank String> lineIds,
            @UniqueElements @Size(max = 2) List<@NotNull CostCategory> categories,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record MovementRequest(
            @NotNull MovementKind kind,
            @NotBlank @Size(max = 64) String lineId,
            @Size(max = 64) String toLineId,

            @NotNull @Positive @Digits(integer = 13, fraction = 2)
            BigDecimal amount,

            @NotBlank @Pattern(regexp = IdFormats.CURRENCY, message = IdFormats.CURRENCY_RULE)
            String currency,

            @Size(max = 100) String reference,
            @Size(max = 100) String commitmentReference,
            @Size(max = 100) String authorisingReference,
            LocalDate effectiveDate,
            @MultiLine @Size(max = 2000) String description,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record DecisionOnMovement(@MultiLine @Size(max = 2000) String reason) {}

    record RefusalOfMovement(
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record RevocationRequest(
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping("/lines")
    @Requires(Right.ADMINISTER_BUDGET)
    @Operation(summary = "Open a budget line (workstream, capex/opex, fiscal year) in the program's currency")
    ResponseEntity<Accepted> openLine(@PathVariable String programId, @Valid @RequestBody LineRequest body) {
        String reason = body.reason() != null && !body.reason().isBlank() ? body.reason() : "Budget line opened";
        String correlationId = commands.send(
                new OpenBudgetLineCommand(
                        ProgramBudget.idOf(programId), programId,
                        body.lineId(), body.workstream(),
                        body.category(), body.fiscalYear()),
                programId,
                reason);
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/budget/lines/" + body.lineId()))
                .body(new Accepted(body.lineId(), "OPEN", correlationId));
    }

    @PostMapping("/policy")
    @Requires(Right.ADMINISTER_BUDGET)
    @Operation(summary = "Set the approval policy: four-eyes threshold, kinds needing a decision, approval window")
    Accepted setPolicy(@PathVariable String programId, @Valid @RequestBody PolicyRequest body) {
        String correlationId = commands.send(
                new SetBudgetPolicyCommand(
                        ProgramBudget.idOf(programId),
                        programId,
                        body.fourEyesThreshold(),
                        body.authorisationRequiredFor(),
                        body.approvalWindowDays()),
                programId,
                body.reason());
        return new Accepted(programId, "SET", correlationId);
    }

    @PostMapping("/delegations")
    @Requires(Right.ADMINISTER_BUDGET)
    @Operation(summary = "Grant a delegation of authority to a user, within an amount, a scope and dates")
    ResponseEntity<Accepted> grant(@PathVariable String programId, @Valid @RequestBody DelegationRequest body) {
        // the holder is named by the subject their access tokens carry, as grants name people
        String holder = body.holder();
        String delegationId = "DEL-" + UUID.randomUUID();
        String correlationId = commands.send(
                new GrantDelegationCommand(
                        ProgramBudget.idOf(programId),
                        programId,
                        delegationId,
                        holder,
                        new Money(body.maxAmount(), body.currency()),
                        body.lineIds(),
                        body.categories(),
                        body.validFrom(),
                        body.validTo()),
                programId,
                body.reason());
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/budget/delegations/" + delegationId))
                .body(new Accepted(delegationId, "GRANTED", correlationId));
    }

    @PostMapping("/delegations/{delegationId}/revoke")
    @Requires(Right.ADMINISTER_BUDGET)
    @Operation(summary = "Revoke a delegation")
    Accepted revoke(
            @PathVariable String programId,
            @PathVariable String delegationId,
            @Valid @RequestBody RevocationRequest body) {
        String correlationId = commands.send(
                new RevokeDelegationCommand(ProgramBudget.idOf(programId), programId, delegationId),
                programId,
                body.reason());
        return new Accepted(delegationId, "REVOKED", correlationId);
    }

    @PostMapping("/movements")
    @Requires(Right.MOVE_BUDGET)
    @Operation(summary = "Request a movement: booked at once within your delegation, else pending approval")
    ResponseEntity<Accepted> request(@PathVariable String programId, @Valid @RequestBody MovementRequest body) {
        String movementId = "MOV-" + UUID.randomUUID();
        BudgetMovement movement = new BudgetMovement(
                body.kind(),
                body.lineId(),
                body.toLineId(),
                new Money(body.amount(), body.currency()),
                body.reference(),
                body.commitmentReference(),
                body.authorisingReference(),
                body.effectiveDate(),
                body.description());
        CommandDispatcher.Sent sent = commands.sendForResult(
                new RequestMovementCommand(ProgramBudget.idOf(programId), programId, movementId, movement),
                programId,
                body.reason(),
                null);
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/budget/movements/" + movementId))
                .body(new Accepted(movementId, String.valueOf(sent.result()), sent.correlationId()));
    }

    @PostMapping("/movements/{movementId}/approve")
    @Requires(Right.MOVE_BUDGET)
    @Operation(summary = "Approve a pending movement under your own delegation (never your own request)")
    Accepted approve(
            @PathVariable String programId,
            @PathVariable String movementId,
            @Valid @RequestBody DecisionOnMovement body) {
        String reason = body.reason() != null && !body.reason().isBlank() ? body.reason() : "Approved";
        CommandDispatcher.Sent sent = commands.sendForResult(
                new ApproveMovementCommand(ProgramBudget.idOf(programId), programId, movementId),
                programId,
                reason,
                null);
        return new Accepted(movementId, String.valueOf(sent.result()), sent.correlationId());
    }

    @PostMapping("/movements/{movementId}/refuse")
    @Requires(Right.MOVE_BUDGET)
    @Operation(summary = "Refuse a pending movement, with a reason")
    Accepted refuse(
            @PathVariable String programId,
            @PathVariable String movementId,
            @Valid @RequestBody RefusalOfMovement body) {
        String correlationId = commands.send(
                new RefuseMovementCommand(ProgramBudget.idOf(programId), programId, movementId),
                programId,
                body.reason());
        return new Accepted(movementId, MovementStatus.REFUSED.name(), correlationId);
    }
}
