package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The change request's implementation is complete. */
@Revision("1")
public record ChangeRequestImplementedEvent(String programId, String changeRequestId) {}
