package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.budget.BurnView;
import io.governanceledger.query.workspace.StepChart;
import java.time.LocalDate;
import java.util.List;

/** The burn chart: allocated, committed and actual totals as steps over business time. */
public final class BurnChart {

    static final List<String> SERIES = List.of("allocated", "committed", "actual");

    private BurnChart() {}

    /** The chart of {@code burn} up to {@code asOf}, or null when nothing was booked by the point. */
    public static StepChart of(BurnView burn, LocalDate asOf) {
        return StepChart.of(
                SERIES,
                burn.steps().stream()
                        .map(step -> new StepChart.Step(
                                step.from(), List.of(step.allocated(), step.committed(), step.actual())))
                        .toList(),
                asOf);
    }
}
