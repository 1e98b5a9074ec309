package io.governanceledger.events.programs;

/** Answered by an optional {@link ProgramView}: empty for an id the read side does not know. */
public record FindProgramQuery(String programId) {
}
