package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * A program's budget as it stood on {@code asOf} (legs effective on or before that date) according to
 * what was recorded by {@code knownAt}; null means today and now. Answered by an optional
 * {@link BudgetView}: empty for an unknown program.
 */
public record FindBudgetQuery(String programId, PointInTime point) {}
