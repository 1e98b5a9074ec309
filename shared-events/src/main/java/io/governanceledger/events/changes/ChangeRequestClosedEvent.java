package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The implemented change request was closed. */
@Revision("1")
public record ChangeRequestClosedEvent(String programId, String changeRequestId) {}
