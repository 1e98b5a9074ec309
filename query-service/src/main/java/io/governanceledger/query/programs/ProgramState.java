package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;

/** A program's state, folded from its facts; kept as JSON in {@code program_version.state}. */
record ProgramState(
        String programId,
        String name,
        String sponsor,
        LocalDate startDate,
        LocalDate plannedEndDate,
        String currency,
        ProgramStatus status,
        LocalDate closedOn,
        Instant createdAt,
        Instant lastChangedAt) {

    static ProgramState fold(ProgramState state, Fact fact) {
        if (fact.event() instanceof ProgramCreatedEvent created) {
            return new ProgramState(
                    created.programId(),
                    created.name(),
                    created.sponsor(),
                    created.startDate(),
                    created.plannedEndDate(),
                    created.currency(),
                    ProgramStatus.ACTIVE,
                    null,
                    fact.recordedAt(),
                    fact.recordedAt());
        }
        if (fact.event() instanceof ProgramRenamedEvent renamed) {
            return new ProgramState(
                    state.programId,
                    renamed.name(),
                    state.sponsor,
                    state.startDate,
                    state.plannedEndDate,
                    state.currency,
                    state.status,
                    state.closedOn,
                    state.createdAt,
                    fact.recordedAt());
        }
        if (fact.event() instanceof ProgramClosedEvent closed) {
            return new ProgramState(
                    state.programId,
                    state.name,
                    state.sponsor,
                    state.startDate,
                    state.plannedEndDate,
                    state.currency,
                    ProgramStatus.CLOSED,
                    closed.closedOn(),
                    state.createdAt,
                    fact.recordedAt());
        }
        return state;
    }
}
