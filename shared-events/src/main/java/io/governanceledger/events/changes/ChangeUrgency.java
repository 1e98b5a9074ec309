package io.governanceledger.events.changes;

public enum ChangeUrgency {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
