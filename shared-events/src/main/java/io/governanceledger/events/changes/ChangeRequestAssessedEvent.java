package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** An impact assessment; a revised one is a new event with the next {@code revision}, never an edit. */
@Revision("1")
public record ChangeRequestAssessedEvent(
        String programId, String changeRequestId, int revision, String assessor, ImpactAssessment impact) {}
