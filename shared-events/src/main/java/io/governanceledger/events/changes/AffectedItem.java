package io.governanceledger.events.changes;

/** An item a change request affects: a scope item (deliverable), a milestone, a budget line or a contract, by id. */
public record AffectedItem(AffectedKind kind, String reference) {}
