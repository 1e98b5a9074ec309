package io.governanceledger.command.contracts;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.changes.AmendmentCheck;
import io.governanceledger.events.contracts.AmendmentProposal;
import io.governanceledger.events.contracts.AmendmentStatus;
import io.governanceledger.events.contracts.AuthorityKind;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.ContractType;
import io.governanceledger.events.contracts.DeMinimisCounting;
import io.governanceledger.events.contracts.IndexationClause;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.RenewalChoice;
import io.governanceledger.events.contracts.ReviewClause;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.constraints.UniqueElements;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/contracts")
@Tag(name = "Contracts")
class ContractController {

    private final CommandDispatcher commands;

    ContractController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record ClauseRequest(
            @NotBlank @Size(max = 40) String clauseId,
            @NotBlank @MultiLine @Size(max = 2000) String description,

            @NotNull @Positive @Digits(integer = 13, fraction = 2)
            BigDecimal maximumValue) {}

    record IndexationRequest(
            @NotBlank @Size(max = 100) String indexName,

            @NotNull @Positive @Digits(integer = 9, fraction = 6)
            BigDecimal baseValue) {}

    record ContractRequest(
            @NotBlank @Size(max = 100) String reference,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String supplier,
            @NotNull ContractRegime regime,
            @NotNull ContractType type,
            @NotNull AuthorityKind authority,

            @NotNull @Positive @Digits(integer = 13, fraction = 2)
            BigDecimal initialValue,

            @NotBlank @Pattern(regexp = IdFormats.CURRENCY, message = IdFormats.CURRENCY_RULE)
            String currency,

            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Valid IndexationRequest indexation,
            @Size(max = 50) List<@Valid @NotNull ClauseRequest> reviewClauses,
            @NotNull @Min(0) @Max(3650) Integer renewalNoticeDays,
            @NotNull DeMinimisCounting deMinimisCounting,
            @MultiLine @Size(max = 2000) String reason) {}

    record IndexValueRequest(
            @NotNull @Positive @Digits(integer = 9, fraction = 6)
            BigDecimal value,

            @NotNull LocalDate valueDate,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record AmendmentRequest(
            @NotNull LegalBasis legalBasis,
            @Size(max = 40) String reviewClauseId,
            @NotNull @Digits(integer = 13, fraction = 2) BigDecimal valueDelta,
            @Min(-600) @Max(600) Integer termDeltaMonths,
            @NotBlank @MultiLine @Size(max = 10000) String scope,
            @NotEmpty @UniqueElements @Size(max = 20) List<@NotBlank @Size(max = 200) String> signatories,
            @NotNull LocalDate signedOn,
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 64) String authorisingDecisionId,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record NoticeRequest(
            @NotBlank @Size(max = 100) String noticeReference,
            @NotNull LocalDate publishedOn,
            @MultiLine @Size(max = 2000) String reason) {}

    record CallOffRequest(
            @NotBlank @Size(max = 100) String reference,

            @NotNull @Positive @Digits(integer = 13, fraction = 2)
            BigDecimal value,

            @NotNull LocalDate placedOn,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record RenewalNoticeRequest(
            @NotNull RenewalChoice choice,
            @NotNull LocalDate sentOn,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record AmendmentCheckRequest(
            @NotNull LegalBasis legalBasis,
            @Size(max = 40) String reviewClauseId,
            @NotNull @Digits(integer = 13, fraction = 2) BigDecimal valueDelta,
            @Min(-600) @Max(600) Integer termDeltaMonths,
            @NotNull LocalDate signedOn) {}

    /** The verdict on a proposed amendment: recorded either way; {@code rule} says why it was rejected. */
    record AmendmentOutcome(String id, AmendmentStatus status, String rule, String correlationId) {}

    @PostMapping
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Register a framework contract of the program")
    ResponseEntity<Accepted> register(@PathVariable String programId, @Valid @RequestBody ContractRequest body) {
        String contractId = "CON-" + UUID.randomUUID();
        ContractTerms terms = new ContractTerms(
                body.reference().strip(),
                body.title().strip(),
                body.supplier().strip(),
                body.regime(),
                body.type(),
                body.authority(),
                body.initialValue(),
                body.currency(),
                body.startDate(),
                body.endDate(),
                body.indexation() == null
                        ? null
                        : new IndexationClause(
                                body.indexation().indexName(), body.indexation().baseValue()),
                body.reviewClauses() == null
                        ? List.of()
                        : body.reviewClauses().stream()
                                .map(c -> new ReviewClause(c.clauseId(), c.description(), c.maximumValue()))
                                .toList(),
                body.renewalNoticeDays(),
                body.deMinimisCounting());
        String reason = body.reason() != null && !body.reason().isBlank()
                ? body.reason()
                : "Contract " + body.reference() + " registered";
        String correlationId =
                commands.send(new RegisterContractCommand(contractId, programId, terms), programId, reason);
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/contracts/" + contractId))
                .body(new Accepted(contractId, "REGISTERED", correlationId));
    }

    @PostMapping("/{contractId}/index-values")
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Record a published value of the contract's price index")
    Accepted indexValue(
            @PathVariable String programId,
            @PathVariable String contractId,
            @Valid @RequestBody IndexValueRequest body) {
        return new Accepted(
                contractId,
                "RECORDED",
                commands.send(
                        new RecordIndexValueCommand(contractId, programId, body.value(), body.valueDate()),
                        programId,
                        body.reason()));
    }

    @PostMapping("/{contractId}/amendments")
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Propose an amendment: judged on its legal basis and recorded as accepted or rejected")
    ResponseEntity<AmendmentOutcome> amend(
            @PathVariable String programId,
            @PathVariable String contractId,
            @Valid @RequestBody AmendmentRequest body) {
        String amendmentId = "AMD-" + UUID.randomUUID();
        int termDeltaMonths = body.termDeltaMonths() == null ? 0 : body.termDeltaMonths();
        AmendmentProposal proposal = new AmendmentProposal(
                body.legalBasis(),
                body.reviewClauseId(),
                body.valueDelta(),
                termDeltaMonths,
                body.scope(),
                body.signatories(),
                body.signedOn(),
                body.effectiveFrom(),
                body.authorisingDecisionId());
        CommandDispatcher.Sent sent = commands.sendForResult(
                new ProposeAmendmentCommand(contractId, programId, amendmentId, proposal),
                programId,
                body.reason(),
                null);
        AmendmentRuling ruling = (AmendmentRuling) sent.result();
        return ResponseEntity.created(URI.create(
                        "/api/programs/" + programId + "/contracts/" + contractId + "/amendments/" + amendmentId))
                .body(new AmendmentOutcome(amendmentId, ruling.status(), ruling.rule(), sent.correlationId()));
    }

    @PostMapping("/{contractId}/amendment-checks")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    @Operation(
            summary = "Check an amendment against the procurement rules on the date given, recording nothing: the"
                    + " verdict and figures a proposal would get")
    AmendmentCheck checkAmendment(
            @PathVariable String programId,
            @PathVariable String contractId,
            @Valid @RequestBody AmendmentCheckRequest body) {
        return (AmendmentCheck) commands.sendForResult(
                        new CheckAmendmentCommand(
                                contractId,
                                programId,
                                body.legalBasis(),
                                body.reviewClauseId(),
                                body.valueDelta(),
                                body.termDeltaMonths() == null ? 0 : body.termDeltaMonths(),
                                body.signedOn()),
                        programId,
                        "Amendment checked (nothing recorded)",
                        null)
                .result();
    }

    @PostMapping("/{contractId}/amendments/{number}/publication-notice")
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Record the modification notice published for an amendment")
    Accepted notice(
            @PathVariable String programId,
            @PathVariable String contractId,
            @PathVariable int number,
            @Valid @RequestBody NoticeRequest body) {
        String reason =
                body.reason() != null && !body.reason().isBlank() ? body.reason() : "Modification notice published";
        return new Accepted(
                contractId,
                "PUBLISHED",
                commands.send(
                        new RecordPublicationNoticeCommand(
                                contractId, programId, number, body.noticeReference(), body.publishedOn()),
                        programId,
                        reason));
    }

    @PostMapping("/{contractId}/renewal-notice")
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Record the renewal notice sent to the supplier (renew or terminate)")
    Accepted renewalNotice(
            @PathVariable String programId,
            @PathVariable String contractId,
            @Valid @RequestBody RenewalNoticeRequest body) {
        return new Accepted(
                contractId,
                body.choice().name(),
                commands.send(
                        new RecordRenewalNoticeCommand(contractId, programId, body.choice(), body.sentOn()),
                        programId,
                        body.reason()));
    }

    @PostMapping("/{contractId}/call-offs")
    @Requires(Right.MANAGE_CONTRACTS)
    @Operation(summary = "Place a call-off under the framework contract")
    ResponseEntity<Accepted> callOff(
            @PathVariable String programId, @PathVariable String contractId, @Valid @RequestBody CallOffRequest body) {
        String callOffId = "CO-" + UUID.randomUUID();
        String correlationId = commands.send(
                new PlaceCallOffCommand(
                        contractId, programId, callOffId, body.reference(), body.value(), body.placedOn()),
                programId,
                body.reason());
        return ResponseEntity.status(201).body(new Accepted(callOffId, "PLACED", correlationId));
    }
}
