package io.governanceledger.query.changes;

import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * A program's baselines at a point, newest first; for one baseline also its content and the check of
 * its hash: {@code hashMatches} when the stored content hashes to the stored hash.
 */
public record BaselinesView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        List<BaselineSummaryView> baselines,
        BaselineContent content,
        Boolean hashMatches) {}
