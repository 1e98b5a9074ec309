package io.governanceledger.events.decisions;

/** Proposed, then approved, rejected or deferred; an approved decision may later be superseded or revoked. */
public enum DecisionStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    DEFERRED,
    SUPERSEDED,
    REVOKED
}
