package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** Someone took the change request up for assessment. */
@Revision("1")
public record ChangeAssessmentStartedEvent(String programId, String changeRequestId, String assessor) {}
