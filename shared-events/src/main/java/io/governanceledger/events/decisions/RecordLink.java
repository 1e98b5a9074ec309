package io.governanceledger.events.decisions;

/** A link from a decision to another record, e.g. the change request or amendment it authorises. */
public record RecordLink(RecordKind kind, String reference, String relation) {}
