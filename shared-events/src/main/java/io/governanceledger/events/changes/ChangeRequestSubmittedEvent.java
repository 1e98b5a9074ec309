package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/**
 * The change request went to a deciding body: approving, rejecting or deferring {@code decisionId}
 * in the decision log decides it, with the assessment of {@code assessmentRevision}.
 */
@Revision("1")
public record ChangeRequestSubmittedEvent(
        String programId, String changeRequestId, String decisionId, String decidingBody, int assessmentRevision) {}
