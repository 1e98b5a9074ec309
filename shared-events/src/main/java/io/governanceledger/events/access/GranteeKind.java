package io.governanceledger.events.access;

/** A grant names one person (or service account) by their subject, or a group of the identity provider. */
public enum GranteeKind {
    PERSON,
    GROUP
}
