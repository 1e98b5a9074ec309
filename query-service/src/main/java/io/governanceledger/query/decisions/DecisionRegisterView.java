package io.governanceledger.query.decisions;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * One page of a program's decision register as it stood on {@code asOf} according to what was
 * recorded by {@code knownAt}: {@code total} matches the filter, newest first.
 */
public record DecisionRegisterView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        long total,
        int offset,
        int limit,
        List<DecisionSummaryView> decisions) {}
