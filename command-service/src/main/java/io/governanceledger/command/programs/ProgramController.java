package io.governanceledger.command.programs;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.command.web.Accepted;
import io.governanceledger.command.web.CommandDispatcher;
import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.support.caching.BoundedCache;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
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
@RequestMapping("/api/programs")
@Tag(name = "Programs")
class ProgramController {

    private final CommandDispatcher commands;

    ProgramController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /**
     * Every other record's command reads its program's standing: keep recent programs in memory. A
     * program another command service changed meanwhile is caught by {@link ProgramStanding}.
     */
    @Bean
    static Cache programCache(@Value("${ledger.programs.cached-programs:1000}") int cachedPrograms) {
        return new BoundedCache(cachedPrograms);
    }

    record CreateProgramRequest(
            @NotBlank @Pattern(regexp = IdFormats.RECORD_ID, message = IdFormats.RECORD_ID_RULE)
            String programId,

            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String sponsor,
            @NotNull LocalDate startDate,
            @NotNull LocalDate plannedEndDate,

            @NotBlank @Pattern(regexp = IdFormats.CURRENCY, message = IdFormats.CURRENCY_RULE)
            String currency,

            @MultiLine @Size(max = 2000) String reason) {}

    record RenameProgramRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @MultiLine @Size(max = 2000) String reason,
            Instant effectiveAt) {}

    record CloseProgramRequest(
            @NotNull LocalDate closedOn,
            @NotBlank @MultiLine @Size(max = 2000) String reason) {}

    @PostMapping
    @Requires(Right.REGISTER_PROGRAMS)
    @Operation(summary = "Register a program; its id is chosen by the caller and never reused")
    ResponseEntity<Accepted> create(@Valid @RequestBody CreateProgramRequest body) {
        String reason = body.reason() != null && !body.reason().isBlank()
                ? body.reason()
                : "Program registered: " + body.name();
        String correlationId = commands.send(
                new CreateProgramCommand(
                        body.programId(),
                        body.name(),
                        body.sponsor(),
                        body.startDate(),
                        body.plannedEndDate(),
                        body.currency()),
                body.programId(),
                reason);
        return ResponseEntity.created(URI.create("/api/programs/" + body.programId()))
                .body(new Accepted(body.programId(), ProgramStatus.ACTIVE.name(), correlationId));
    }

    @PostMapping("/{programId}/rename")
    @Requires(Right.MANAGE_PROGRAM)
    @Operation(summary = "Rename a program, optionally from an explicit effective instant")
    Accepted rename(@PathVariable String programId, @Valid @RequestBody RenameProgramRequest body) {
        String correlationId = commands.send(
                new RenameProgramCommand(programId, body.name()), programId, body.reason(), body.effectiveAt());
        return new Accepted(programId, ProgramStatus.ACTIVE.name(), correlationId);
    }

    @PostMapping("/{programId}/close")
    @Requires(Right.MANAGE_PROGRAM)
    @Operation(summary = "Close a program: it takes no further records")
    Accepted close(@PathVariable String programId, @Valid @RequestBody CloseProgramRequest body) {
        String correlationId =
                commands.send(new CloseProgramCommand(programId, body.closedOn()), programId, body.reason());
        return new Accepted(programId, ProgramStatus.CLOSED.name(), correlationId);
    }
}
