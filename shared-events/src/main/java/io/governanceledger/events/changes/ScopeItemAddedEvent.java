package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** A deliverable entered the program's scope; after the first baseline only by an approved change request. */
@Revision("1")
public record ScopeItemAddedEvent(
        String programId, String itemId, String name, String description, String changeRequestId) {}
