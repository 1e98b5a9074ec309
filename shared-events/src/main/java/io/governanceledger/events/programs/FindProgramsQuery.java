package io.governanceledger.events.programs;

/** Every program, ordered by id, optionally only those with the given status. */
public record FindProgramsQuery(ProgramStatus status) {
}
