package io.governanceledger.events.decisions;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * One decision of one program with its history, as it stood on {@code asOf} (null: today) according to
 * what was recorded by {@code knownAt} (null: now); answered by an optional {@link DecisionView}.
 */
public record FindDecisionQuery(String programId, String decisionId, AsOf asOf, Instant knownAt) {
}
