package io.governanceledger.query.changes;

import io.governanceledger.events.changes.Tolerances;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/** A program's scope items and tolerances at a point, and the decision that set the tolerances. */
public record ChangePlanView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        List<ScopeItemView> scope,
        Tolerances tolerances,
        String tolerancesDecisionId,
        Instant tolerancesSetAt) {}
