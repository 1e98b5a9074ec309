package io.governanceledger.command.commandbus;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race with another writer of the same aggregate: its unit of
 * work rolled back, so nothing was stored, and the retry decides on the current state. Every other
 * failure is answered at once, since retrying it could repeat a command that did take effect.
 */
final class LostRaceRetryScheduler extends IntervalRetryScheduler {

    LostRaceRetryScheduler(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !lostRace(failure);
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
