package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** Work on an approved change request began. */
@Revision("1")
public record ChangeImplementationStartedEvent(String programId, String changeRequestId) {}
