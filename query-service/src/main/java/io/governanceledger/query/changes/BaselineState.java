package io.governanceledger.query.changes;

import io.governanceledger.events.changes.BaselineCapturedEvent;
import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A baseline as captured (never changed); kept as JSON in {@code baseline_version.state}. */
record BaselineState(
        String programId,
        int number,
        String name,
        String decisionId,
        String changeRequestId,
        LocalDate asOf,
        Instant knownAt,
        BaselineContent content,
        String contentHash,
        String capturedBy,
        Instant recordedAt,
        long position) {

    static BaselineState fold(BaselineState state, Fact fact) {
        if (fact.event() instanceof BaselineCapturedEvent captured) {
            return new BaselineState(
                    captured.programId(),
                    captured.number(),
                    captured.name(),
                    captured.decisionId(),
                    captured.changeRequestId(),
                    captured.asOf(),
                    captured.knownAt(),
                    captured.content(),
                    captured.contentHash(),
                    fact.actor(),
                    fact.recordedAt(),
                    fact.position());
        }
        return state;
    }

    Map<String, Object> indexedColumns() {
        return Map.of("number", number, "status", "CAPTURED");
    }
}
