package io.governanceledger.events.decisions;

import java.time.LocalDate;
import java.util.List;

/** A decision with everything recorded about it and its full history, oldest event first. */
public record DecisionView(DecisionSummaryView summary,
                           DecisionDetails details,
                           LocalDate deferredUntil,
                           LocalDate revokedOn,
                           List<DecisionHistoryEntry> history) {
}
