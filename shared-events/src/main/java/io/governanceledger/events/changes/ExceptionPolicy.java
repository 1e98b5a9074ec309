package io.governanceledger.events.changes;

/** What an open cost exception does to new commitments on the lines it concerns. */
public enum ExceptionPolicy {
    BLOCK_COMMITMENTS,
    WARN_ONLY
}
