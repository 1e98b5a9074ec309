package io.governanceledger.command.access;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.security.RoleRequiredException;
import io.governanceledger.support.time.BusinessClock;
import io.governanceledger.support.web.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants and revocations, on one program (by its program administrators) or portfolio-wide (by
 * portfolio-wide program administrators). A grant's id is made here; the answer's Location names it.
 */
@RestController
@Tag(name = "Access")
class AccessController {

    private final CommandDispatcher commands;
    private final BusinessClock clock;
    private final GrantRecords grants;

    AccessController(CommandDispatcher commands, BusinessClock clock, GrantRecords grants) {
        this.commands = commands;
        this.clock = clock;
        this.grants = grants;
    }

    record DeputyRequest(
            @NotBlank @Pattern(regexp = IdFormats.SUBJECT, message = IdFormats.SUBJECT_RULE)
            String principal,

            @NotBlank @Pattern(regexp = IdFormats.SUBJECT, message = IdFormats.SUBJECT_RULE)
            String deputy,

            LocalDate validFrom,
            LocalDate validTo,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping("/api/programs/{programId}/access/deputies")
    @Requires(Right.APPOINT_DEPUTIES)
    @Operation(
            summary = "Appoint a deputy who may act on behalf of a person on the program (the secretary who records "
                    + "the chair's decisions), from validFrom (default today) to validTo; one's own deputy, or "
                    + "anyone's by a program administrator. The deputy then sends Ledger-On-Behalf-Of")
    ResponseEntity<Accepted> appointDeputy(@PathVariable String programId, @Valid @RequestBody DeputyRequest body) {
        requireOwnOrAdministrator(programId, body.principal());
        String appointmentId = "deputy-" + UUID.randomUUID();
        String correlationId = commands.send(
                new AppointDeputyCommand(
                        appointmentId,
                        programId,
                        body.principal(),
                        body.deputy(),
                        body.validFrom() != null ? body.validFrom() : clock.today(),
                        body.validTo()),
                programId,
                body.reason());
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/access/deputies/" + appointmentId))
                .body(new Accepted(appointmentId, "APPOINTED", correlationId));
    }

    @PostMapping("/api/programs/{programId}/access/deputies/{appointmentId}/revoke")
    @Requires(Right.APPOINT_DEPUTIES)
    @Operation(
            summary =
                    "End a deputy appointment, from effectiveAt (default now): the principal's, or a program administrator's")
    Accepted revokeDeputy(
            @PathVariable String programId,
            @PathVariable String appointmentId,
            @Valid @RequestBody RevokeRequest body) {
        grants.principalOf(appointmentId, programId)
                .ifPresent(principal -> requireOwnOrAdministrator(programId, principal));
        String correlationId = commands.send(
                new RevokeDeputyCommand(appointmentId, programId), programId, body.reason(), body.effectiveAt());
        return new Accepted(appointmentId, "REVOKED", correlationId);
    }

    /** One appoints one's own deputies; a program administrator anyone's. */
    private void requireOwnOrAdministrator(String programId, String principal) {
        Caller caller = Caller.current();
        if (!caller.subject().equals(principal)
                && !grants.rolesOn(caller, programId).contains(AccessRole.PROGRAM_ADMINISTRATOR)) {
            throw new RoleRequiredException(Right.ADMINISTER_ACCESS, Right.ADMINISTER_ACCESS.roles(), false);
        }
    }

    record GranteeRequest(
            @NotNull GranteeKind kind,

            @NotBlank @Pattern(regexp = IdFormats.SUBJECT, message = IdFormats.SUBJECT_RULE)
            String id) {}

    record GrantRequest(
            @NotNull @Valid GranteeRequest grantee,
            @NotNull AccessRole role,
            LocalDate validFrom,
            LocalDate validTo,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    record RevokeRequest(
            @NotBlank @MultiLine @Size(max = 2000) String reason, Instant effectiveAt) {}

    @PostMapping("/api/programs/{programId}/access/grants")
    @Requires(Right.ADMINISTER_ACCESS)
    @Operation(
            summary = "Grant a person or a group a role on the program, from validFrom (default today) to validTo "
                    + "(both included; open-ended if absent)")
    ResponseEntity<Accepted> grant(@PathVariable String programId, @Valid @RequestBody GrantRequest body) {
        return grant(AccessScope.PROGRAM, programId, body, "/api/programs/" + programId + "/access/grants/");
    }

    @PostMapping("/api/programs/{programId}/access/grants/{grantId}/revoke")
    @Requires(Right.ADMINISTER_ACCESS)
    @Operation(summary = "Revoke a grant on the program, from effectiveAt (default now; earlier if it ended before)")
    Accepted revoke(
            @PathVariable String programId, @PathVariable String grantId, @Valid @RequestBody RevokeRequest body) {
        String correlationId = commands.send(
                new RevokeAccessCommand(grantId, AccessScope.PROGRAM, programId),
                programId,
                body.reason(),
                body.effectiveAt());
        return new Accepted(grantId, "REVOKED", correlationId);
    }

    @PostMapping("/api/access/grants")
    @Requires(Right.ADMINISTER_PORTFOLIO_ACCESS)
    @Operation(
            summary = "Grant a person or a group a role on every program of the portfolio (internal audit, "
                    + "operators, portfolio administrators)")
    ResponseEntity<Accepted> grantPortfolioWide(@Valid @RequestBody GrantRequest body) {
        return grant(AccessScope.PORTFOLIO, null, body, "/api/access/grants/");
    }

    @PostMapping("/api/access/grants/{grantId}/revoke")
    @Requires(Right.ADMINISTER_PORTFOLIO_ACCESS)
    @Operation(summary = "Revoke a portfolio-wide grant, from effectiveAt (default now)")
    Accepted revokePortfolioWide(@PathVariable String grantId, @Valid @RequestBody RevokeRequest body) {
        String correlationId = commands.send(
                new RevokeAccessCommand(grantId, AccessScope.PORTFOLIO, null),
                LedgerMetaData.PORTFOLIO,
                body.reason(),
                body.effectiveAt());
        return new Accepted(grantId, "REVOKED", correlationId);
    }

    private ResponseEntity<Accepted> grant(AccessScope scope, String programId, GrantRequest body, String location) {
        String grantId = "grant-" + UUID.randomUUID();
        String correlationId = commands.send(
                new GrantAccessCommand(
                        grantId,
                        scope,
                        programId,
                        new Grantee(body.grantee().kind(), body.grantee().id()),
                        body.role(),
                        body.validFrom() != null ? body.validFrom() : clock.today(),
                        body.validTo(),
                        Caller.current().groups()),
                programId != null ? programId : LedgerMetaData.PORTFOLIO,
                body.reason());
        return ResponseEntity.created(URI.create(location + grantId))
                .body(new Accepted(grantId, "GRANTED", correlationId));
    }
}
