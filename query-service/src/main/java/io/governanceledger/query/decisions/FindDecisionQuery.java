package io.governanceledger.query.decisions;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * One decision of one program with its history, as it stood on {@code asOf} (null: today) according to
 * what was recorded by {@code knownAt} (null: now); answered by an optional {@link DecisionView}.
 */
public record FindDecisionQuery(String programId, String decisionId, PointInTime point) {}
