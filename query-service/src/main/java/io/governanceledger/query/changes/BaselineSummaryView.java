package io.governanceledger.query.changes;

import java.time.Instant;
import java.time.LocalDate;

/** A baseline: its number and name, who approved it, the point it froze, and the hash of its content. */
public record BaselineSummaryView(
        int number,
        String name,
        String decisionId,
        String changeRequestId,
        LocalDate asOf,
        Instant knownAt,
        String contentHash,
        String capturedBy,
        Instant recordedAt) {}
