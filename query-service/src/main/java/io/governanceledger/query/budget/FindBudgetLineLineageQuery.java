package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * A line's lineage as it stood on {@code asOf} (null: today) as recorded by {@code knownAt} (null: now);
 * answered by an optional {@link BudgetLineLineageView}: empty for an unknown program or line.
 */
public record FindBudgetLineLineageQuery(String programId, String lineId, PointInTime point) {}
