package io.governanceledger.events.contracts;

public enum ContractType {
    WORKS,
    SUPPLIES,
    SERVICES
}
