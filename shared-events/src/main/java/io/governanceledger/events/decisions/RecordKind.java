package io.governanceledger.events.decisions;

/** Kinds of record a decision can link to. */
public enum RecordKind {
    DECISION,
    CHANGE_REQUEST,
    CONTRACT,
    CONTRACT_AMENDMENT,
    BUDGET_LINE,
    BUDGET_MOVEMENT,
    RISK,
    ISSUE,
    MILESTONE,
    BASELINE,
    DOCUMENT
}
