package io.governanceledger.query.rebuild;

import java.time.Instant;

/**
 * Where a rebuild stands: events replayed into the new copy and the ledger position they reached, the
 * last position of the ledger, the rate so far and the time left at that rate.
 *
 * @param state          where the rebuild is
 * @param secondsLeft    at the current rate, null until there is a rate
 */
public record RebuildProgress(
        String readModel,
        State state,
        long eventsProcessed,
        long position,
        long ledgerHead,
        double eventsPerSecond,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    /** Where a rebuild is. */
    public enum State {
        /** Replaying into the new copy while the old one answers. */
        RUNNING,
        /** Done: the new copy answers. */
        SWAPPED,
        /** Stopped: the old copy still answers, and {@code failure} says why. */
        FAILED
    }
}
