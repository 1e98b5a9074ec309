package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision as it stood on {@code asOf} according to what was recorded by {@code knownAt}, with its
 * history as known then: the events recorded by {@code knownAt} and effective by {@code asOf}, oldest first.
 */
public record DecisionView(
        AsOf asOf,
        Instant knownAt,
        DecisionSummaryView summary,
        DecisionDetails details,
        LocalDate deferredUntil,
        LocalDate revokedOn,
        List<DecisionHistoryEntry> history) {}
