package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.pointintime.PointInTime;

/**
 * Every program as of a point on both clocks (see {@link FindProgramQuery}), ordered by id, optionally
 * only those with the given status, and only those in {@code only} unless it is null (the caller may
 * read every program).
 */
public record FindProgramsQuery(ProgramStatus status, PointInTime point, java.util.Set<String> only) {}
