package io.governanceledger.query.changes;

import java.time.Instant;

/** A deliverable in the program's scope, and the change request that added it (if any). */
public record ScopeItemView(String itemId, String name, String description, String changeRequestId, Instant addedAt) {}
