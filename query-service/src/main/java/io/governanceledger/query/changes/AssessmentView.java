package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ImpactAssessment;
import java.time.Instant;

/** One impact assessment of a change request; a revised one has the next revision. */
public record AssessmentView(int revision, String assessor, Instant recordedAt, ImpactAssessment impact) {}
