package io.governanceledger.command.decisions;

import io.governanceledger.events.decisions.DecisionStatus;
import java.time.LocalDate;

/**
 * What the decision log tells, and asks, the records that are decided through it (change requests).
 * Those live in a package that depends on this one; it provides the implementation.
 */
public interface DecisionFollowers {

    /**
     * The decision was approved, rejected or deferred (whatever was submitted to it is decided with it),
     * or revoked (what it approved authorises nothing more), in the same unit of work; the follower may
     * refuse it, and then nothing is recorded.
     */
    void decisionTaken(
            String programId, String decisionId, DecisionStatus outcome, LocalDate decidedOn, String conditions);

    /** True if {@code reference} names a change request of the program that may authorise records now. */
    boolean authorises(String programId, String reference);

    /** True if {@code reference} has the form of a change request's id (which no decision has). */
    static boolean namesChangeRequest(String reference) {
        return reference != null && reference.matches("CR-[1-9][0-9]{0,8}");
    }
}
