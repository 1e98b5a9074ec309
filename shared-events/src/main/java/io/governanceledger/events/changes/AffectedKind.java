package io.governanceledger.events.changes;

/** Kinds of item a change request says it affects. */
public enum AffectedKind {
    DELIVERABLE,
    MILESTONE,
    BUDGET_LINE,
    CONTRACT
}
