package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The change request was withdrawn before it was decided. */
@Revision("1")
public record ChangeRequestWithdrawnEvent(String programId, String changeRequestId, ChangeRequestStatus from) {}
