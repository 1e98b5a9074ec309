package io.governanceledger.events.budget;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * A program's budget as it stood on {@code asOf} (legs effective on or before that date) according to
 * what was recorded by {@code knownAt}; null means today and now. Answered by an optional
 * {@link BudgetView}: empty for an unknown program.
 */
public record FindBudgetQuery(String programId, AsOf asOf, Instant knownAt) {

    public FindBudgetQuery(String programId) {
        this(programId, null, null);
    }
}
