package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * One page of a program's movements as they stood on {@code asOf} according to what was recorded by
 * {@code knownAt}, oldest effective date first; {@code total} matches the filter.
 */
public record MovementLedgerView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        long total,
        int offset,
        int limit,
        List<MovementView> movements) {}
