package io.governanceledger.events.changes;

/** Who asked for the change: the organisation and the person there (not necessarily the actor who recorded it). */
public record Requester(String organisation, String person) {}
