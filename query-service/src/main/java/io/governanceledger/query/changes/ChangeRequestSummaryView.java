package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeType;
import io.governanceledger.events.changes.ChangeUrgency;
import java.time.Instant;
import java.time.LocalDate;

/** A change request as the register lists it. */
public record ChangeRequestSummaryView(
        String changeRequestId,
        int number,
        String title,
        ChangeType type,
        ChangeUrgency urgency,
        ChangeRequestStatus status,
        String requestedBy,
        String raisedBy,
        Instant raisedAt,
        String decisionId,
        LocalDate decidedOn,
        Instant lastChangedAt) {}
