package io.governanceledger.query.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands: events replayed into the new copy and the ledger position they reached, the
 * last position of the ledger, the rate so far and the time left at that rate.
 *
 * @param state          RUNNING, SWAPPED (the new copy answers) or FAILED (the old copy still answers)
 * @param secondsLeft    at the current rate, null until there is a rate
 */
public record RebuildProgress(String readModel,
                              String state,
                              long eventsProcessed,
                              long position,
                              long ledgerHead,
                              double eventsPerSecond,
                              Long secondsLeft,
                              Instant startedAt,
                              Instant finishedAt,
                              String failure) {
}
