package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/** A program's milestones at a point, by date, against baseline {@code baselineNumber} (null: none yet). */
public record MilestonesView(
        String programId, AsOf asOf, Instant knownAt, Integer baselineNumber, List<MilestoneView> milestones) {}
