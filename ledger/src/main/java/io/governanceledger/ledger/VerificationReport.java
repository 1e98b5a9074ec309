package io.governanceledger.ledger;

/**
 * What a verification of the ledger found.
 *
 * @param status       what the verification concluded
 * @param verifiedUpTo the last position whose event and chain link check out, with everything before it
 * @param signedUpTo   the last of those covered by a checkpoint signed with the published key
 * @param failedAt     the first position that fails (null when verified)
 * @param failure      row-deleted, event-changed, rows-swapped, row-inserted, chain-rewritten or checkpoint-forged
 * @param detail       what was found, in words
 */
public record VerificationReport(
        Status status,
        long verifiedUpTo,
        long signedUpTo,
        Long failedAt,
        String failure,
        String detail,
        long eventsChecked,
        long checkpoints,
        String keyId,
        long millis) {

    /** What a verification concluded. */
    public enum Status {
        /** The chain holds together and its checkpoints are signed with the pinned key. */
        VERIFIED,
        /** A position fails: the report names it and the kind of failure. */
        FAILED,
        /** The chain holds together, but no pinned public key was given to check the checkpoints with. */
        UNAUTHENTICATED
    }

    /**
     * The first position that fails and how, after {@code verifiedUpTo} positions checked out.
     *
     * @param started when the verification started ({@link System#nanoTime()})
     */
    static VerificationReport failed(
            long verifiedUpTo,
            Long failedAt,
            String failure,
            String detail,
            long eventsChecked,
            long checkpoints,
            String keyId,
            long started) {
        return new VerificationReport(
                Status.FAILED,
                verifiedUpTo,
                0,
                failedAt,
                failure,
                detail,
                eventsChecked,
                checkpoints,
                keyId,
                (System.nanoTime() - started) / 1_000_000);
    }

    VerificationReport withSignedUpTo(long signed) {
        return new VerificationReport(
                status, verifiedUpTo, signed, failedAt, failure, detail, eventsChecked, checkpoints, keyId, millis);
    }
}
