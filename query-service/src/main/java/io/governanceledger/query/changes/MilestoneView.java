package io.governanceledger.query.changes;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone against the current baseline: planned (first) date, baseline date, forecast and actual
 * dates, the variance in days of its date now against the baseline, its dependencies with their
 * dates, and whether a dependency is expected after it ({@code flagged}).
 */
public record MilestoneView(
        String milestoneId,
        String name,
        String owner,
        LocalDate plannedDate,
        LocalDate baselineDate,
        LocalDate forecastDate,
        LocalDate actualDate,
        Long varianceDays,
        boolean flagged,
        List<DependencyStatus> dependsOn,
        List<ForecastChangeView> forecasts) {

    /** A dependency and its date now; {@code after} if it is expected after the milestone that needs it. */
    public record DependencyStatus(
            String programId, String milestoneId, String name, LocalDate dateNow, boolean visible, boolean after) {}
}
