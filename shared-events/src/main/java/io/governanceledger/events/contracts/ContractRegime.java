package io.governanceledger.events.contracts;

public enum ContractRegime {
    CLASSIC,
    UTILITIES
}
