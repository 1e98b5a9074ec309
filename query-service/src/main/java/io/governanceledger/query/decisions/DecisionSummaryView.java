package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionStatus;
import java.time.Instant;
import java.time.LocalDate;

public record DecisionSummaryView(
        String decisionId,
        String programId,
        String title,
        DecisionStatus status,
        String decidingBody,
        LocalDate meetingDate,
        LocalDate decidedOn,
        LocalDate effectiveFrom,
        String chosenOption,
        String supersedes,
        String supersededBy,
        Instant recordedAt,
        Instant lastChangedAt) {}
