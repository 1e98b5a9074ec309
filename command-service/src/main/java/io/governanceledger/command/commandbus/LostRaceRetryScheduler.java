package io.governanceledger.command.commandbus;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race with another writer of the same aggregate, or when two
 * units of work that each hold one record waited for the other's (a deadlock the lock factory broke):
 * its unit of work rolled back, so nothing was stored, and the retry decides on the current state. Every other
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
            if (cause instanceof ConcurrencyException
                    || cause instanceof org.axonframework.common.lock.DeadlockException) {
                return true;
            }
        }
        return false;
    }
}
