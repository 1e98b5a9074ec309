package io.governanceledger.events.programs;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * Every program as of a point on both clocks (see {@link FindProgramQuery}), ordered by id, optionally
 * only those with the given status.
 */
public record FindProgramsQuery(ProgramStatus status, AsOf asOf, Instant knownAt) {
}
