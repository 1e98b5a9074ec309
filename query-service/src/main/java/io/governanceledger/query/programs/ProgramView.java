package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A program as it stood on {@code asOf} (effective dates up to the end of that day) according to what
 * was recorded by {@code knownAt}.
 */
public record ProgramView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        String name,
        String sponsor,
        LocalDate startDate,
        LocalDate plannedEndDate,
        String currency,
        ProgramStatus status,
        LocalDate closedOn,
        long decisionCount,
        Instant createdAt,
        Instant lastChangedAt) {}
