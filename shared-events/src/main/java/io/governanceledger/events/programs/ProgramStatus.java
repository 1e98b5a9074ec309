package io.governanceledger.events.programs;

public enum ProgramStatus {
    ACTIVE,
    CLOSED
}
