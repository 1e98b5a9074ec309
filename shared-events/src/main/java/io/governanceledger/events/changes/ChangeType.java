package io.governanceledger.events.changes;

/** What a change request changes in the first place. */
public enum ChangeType {
    SCOPE,
    SCHEDULE,
    COST,
    QUALITY,
    CONTRACT
}
