package io.governanceledger.command.decisions;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionOption;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.Participant;
import io.governanceledger.events.decisions.RecordKind;
import io.governanceledger.events.decisions.RecordLink;
import io.governanceledger.support.caching.BoundedCache;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/decisions")
@Tag(name = "Decisions")
class DecisionController {

    private final CommandDispatcher commands;

    DecisionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** A decision is approved, deferred, superseded or revoked some time after it is recorded: keep recent ones in memory. */
    @Bean
    static Cache decisionCache(@Value("${ledger.decisions.cached-decisions:2000}") int cachedDecisions) {
        return new BoundedCache(cachedDecisions);
    }

    record OptionRequest(
            @NotBlank @Pattern(regexp = IdFormats.OPTION_KEY, message = IdFormats.OPTION_KEY_RULE)
            String key,

            @NotBlank @MultiLine @Size(max = 2000) String description) {}

    record LinkRequest(
            @NotNull RecordKind kind,
            @NotBlank @Size(max = 200) String reference,
            @Size(max = 100) String relation) {}

    record DecisionRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @MultiLine @Size(max = 10000) String context,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull OptionRequest> options,
            @Size(max = 40) String chosenOption,
            @NotBlank @MultiLine @Size(max = 10000) String rationale,
            @NotBlank @Size(max = 200) String decidingBody,
            LocalDate meetingDate,
            LocalDate decidedOn,
            LocalDate effectiveFrom,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> participants,
            @Positive Integer quorum,
            @Size(max = 50) List<@Valid @NotNull LinkRequest> links,
            @MultiLine @Size(max = 2000) String reason) {

        DecisionDetails details() {
            return new DecisionDetails(
                    title.strip(),
                    context.strip(),
                    options.stream()
                            .map(option -> new DecisionOption(
                                    option.key(), option.description().strip()))
                            .toList(),
                    chosenOption,
                    rationale.strip(),
                    decidingBody.strip(),
                    meetingDate,
                    decidedOn,
                    effectiveFrom,
                    participants == null
                            ? List.of()
                            : participants.stream().map(Participant::parse).toList(),
                    quorum,
                    links == null
                            ? List.of()
                            : links.stream()
                                    .map(link -> new RecordLink(
                                            link.kind(), link.reference().strip(), link.relation()))
                                    .toList());
        }
    }

    record ApproveRequest(
            @NotNull LocalDate decidedOn,
            LocalDate effectiveFrom,
            @Size(max = 40) String chosenOption,
            @MultiLine @Size(max = 4000) String conditions,
            @MultiLine @Size(max = 2000) String reason) {}

    record RejectRequest(
            @NotNull LocalDate decidedOn,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record DeferRequest(
            @NotNull LocalDate decidedOn,
            LocalDate deferredUntil,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record RevokeRequest(
            @NotNull LocalDate revokedOn,
            LocalDate effectiveFrom,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Record a proposed decision in the program's decision log")
    ResponseEntity<Accepted> record(@PathVariable String programId, @Valid @RequestBody DecisionRequest body) {
        String decisionId = UUID.randomUUID().toString();
        String reason = hasText(body.reason())
                ? body.reason()
                : "Proposed to " + body.decidingBody().strip();
        String correlationId =
                commands.send(new RecordDecisionCommand(decisionId, programId, body.details()), programId, reason);
        return created(programId, decisionId, DecisionStatus.PROPOSED, correlationId);
    }

    @PostMapping("/{decisionId}/approve")
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Approve a proposed or deferred decision")
    Accepted approve(
            @PathVariable String programId, @PathVariable String decisionId, @Valid @RequestBody ApproveRequest body) {
        String reason = hasText(body.reason()) ? body.reason() : "Approved on " + body.decidedOn();
        return accepted(
                decisionId,
                DecisionStatus.APPROVED,
                commands.send(
                        new ApproveDecisionCommand(
                                decisionId,
                                programId,
                                body.decidedOn(),
                                body.effectiveFrom(),
                                body.chosenOption(),
                                body.conditions()),
                        programId,
                        reason));
    }

    @PostMapping("/{decisionId}/reject")
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Reject a proposed or deferred decision")
    Accepted reject(
            @PathVariable String programId, @PathVariable String decisionId, @Valid @RequestBody RejectRequest body) {
        return accepted(
                decisionId,
                DecisionStatus.REJECTED,
                commands.send(
                        new RejectDecisionCommand(decisionId, programId, body.decidedOn()), programId, body.reason()));
    }

    @PostMapping("/{decisionId}/defer")
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Defer a proposed decision, optionally until a date")
    Accepted defer(
            @PathVariable String programId, @PathVariable String decisionId, @Valid @RequestBody DeferRequest body) {
        return accepted(
                decisionId,
                DecisionStatus.DEFERRED,
                commands.send(
                        new DeferDecisionCommand(decisionId, programId, body.decidedOn(), body.deferredUntil()),
                        programId,
                        body.reason()));
    }

    @PostMapping("/{decisionId}/supersede")
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Replace an approved decision by a new approved decision; both are linked both ways")
    ResponseEntity<Accepted> supersede(
            @PathVariable String programId, @PathVariable String decisionId, @Valid @RequestBody DecisionRequest body) {
        if (!hasText(body.reason())) {
            throw RuleViolationException.invalid("required", "reason", "a superseding decision needs a reason");
        }
        String newDecisionId = UUID.randomUUID().toString();
        String correlationId = commands.send(
                new SupersedeDecisionCommand(decisionId, programId, newDecisionId, body.details()),
                programId,
                body.reason());
        return created(programId, newDecisionId, DecisionStatus.APPROVED, correlationId);
    }

    @PostMapping("/{decisionId}/revoke")
    @Requires(Right.KEEP_DECISION_LOG)
    @Operation(summary = "Revoke an approved decision, with a reason")
    Accepted revoke(
            @PathVariable String programId, @PathVariable String decisionId, @Valid @RequestBody RevokeRequest body) {
        return accepted(
                decisionId,
                DecisionStatus.REVOKED,
                commands.send(
                        new RevokeDecisionCommand(decisionId, programId, body.revokedOn(), body.effectiveFrom()),
                        programId,
                        body.reason()));
    }

    private static ResponseEntity<Accepted> created(
            String programId, String decisionId, DecisionStatus status, String correlationId) {
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/decisions/" + decisionId))
                .body(new Accepted(decisionId, status.name(), correlationId));
    }

    private static Accepted accepted(String decisionId, DecisionStatus status, String correlationId) {
        return new Accepted(decisionId, status.name(), correlationId);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
