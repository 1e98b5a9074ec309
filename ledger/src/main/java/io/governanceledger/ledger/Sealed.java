package io.governanceledger.ledger;

import java.time.Instant;

/**
 * One position of the ledger order as read: its recorded time, its stored chain hash and the event
 * sealed there (null when gone) with that event's leaf digest, computed by the reader: the walk
 * only links the leaves.
 */
record Sealed(
        long position,
        long sealedIndex,
        Instant recordedAt,
        byte[] hash,
        LedgerHash.Stored event,
        byte[] leaf,
        RuntimeException unhashable) {

    /**
     * The position with its event's leaf, or why the leaf cannot be computed (a recorded time out of
     * range): the walk raises that when it reaches this position, so that a finding before it in the
     * same window is still reported.
     */
    static Sealed read(long position, long sealedIndex, Instant recordedAt, byte[] hash, LedgerHash.Stored event) {
        if (event == null) {
            return new Sealed(position, sealedIndex, recordedAt, hash, null, null, null);
        }
        try {
            return new Sealed(
                    position, sealedIndex, recordedAt, hash, event, LedgerHash.leaf(position, recordedAt, event), null);
        } catch (RuntimeException e) {
            return new Sealed(position, sealedIndex, recordedAt, hash, event, null, e);
        }
    }
}
