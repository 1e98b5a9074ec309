package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** A deliverable left the program's scope; after the first baseline only by an approved change request. */
@Revision("1")
public record ScopeItemRemovedEvent(String programId, String itemId, String changeRequestId) {}
