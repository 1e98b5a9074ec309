package io.governanceledger.events.contracts;

public enum AuthorityKind {
    CENTRAL,
    OTHER
}
