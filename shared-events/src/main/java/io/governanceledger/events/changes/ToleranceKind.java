package io.governanceledger.events.changes;

public enum ToleranceKind {
    COST,
    TIME,
    SCOPE
}
