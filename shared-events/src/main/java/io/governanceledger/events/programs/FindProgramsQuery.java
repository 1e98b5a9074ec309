package io.governanceledger.events.programs;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every program as of a point on both clocks (see {@link FindProgramQuery}), ordered by id, optionally
 * only those with the given status.
 */
public record FindProgramsQuery(ProgramStatus status, LocalDate asOf, Instant knownAt) {
}
