package io.governanceledger.query.changes;

import io.governanceledger.events.changes.MilestoneAchievedEvent;
import io.governanceledger.events.changes.MilestoneDefinedEvent;
import io.governanceledger.events.changes.MilestoneDependencyAddedEvent;
import io.governanceledger.events.changes.MilestoneDependencyRemovedEvent;
import io.governanceledger.events.changes.MilestoneForecastChangedEvent;
import io.governanceledger.query.timeline.Fact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A milestone's state, folded from its facts; kept as JSON in {@code milestone_version.state}. */
record MilestoneState(
        String milestoneId,
        String programId,
        String name,
        String owner,
        LocalDate plannedDate,
        LocalDate forecastDate,
        LocalDate actualDate,
        List<ForecastChangeView> forecasts,
        List<DependencyView> dependsOn) {

    static MilestoneState fold(MilestoneState state, Fact fact) {
        Object event = fact.event();
        if (event instanceof MilestoneDefinedEvent defined) {
            return new MilestoneState(
                    defined.milestoneId(),
                    defined.programId(),
                    defined.name(),
                    defined.owner(),
                    defined.plannedDate(),
                    defined.plannedDate(),
                    null,
                    List.of(),
                    List.of());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof MilestoneForecastChangedEvent changed) {
            List<ForecastChangeView> more = new ArrayList<>(state.forecasts);
            more.add(new ForecastChangeView(
                    changed.previousDate(),
                    changed.forecastDate(),
                    changed.reason(),
                    changed.changeRequestId(),
                    fact.actor(),
                    fact.recordedAt()));
            return new MilestoneState(
                    state.milestoneId,
                    state.programId,
                    state.name,
                    state.owner,
                    state.plannedDate,
                    changed.forecastDate(),
                    state.actualDate,
                    List.copyOf(more),
                    state.dependsOn);
        }
        if (event instanceof MilestoneAchievedEvent achieved) {
            return new MilestoneState(
                    state.milestoneId,
                    state.programId,
                    state.name,
                    state.owner,
                    state.plannedDate,
                    state.forecastDate,
                    achieved.actualDate(),
                    state.forecasts,
                    state.dependsOn);
        }
        if (event instanceof MilestoneDependencyAddedEvent added) {
            return state.withDependencies(added.dependsOnProgramId(), added.dependsOnMilestoneId(), true);
        }
        if (event instanceof MilestoneDependencyRemovedEvent removed) {
            return state.withDependencies(removed.dependsOnProgramId(), removed.dependsOnMilestoneId(), false);
        }
        return state;
    }

    /** When it was reached, else its forecast. */
    LocalDate dateNow() {
        return actualDate != null ? actualDate : forecastDate;
    }

    Map<String, Object> indexedColumns() {
        return Map.of("date_now", dateNow(), "status", actualDate != null ? "ACHIEVED" : "PLANNED");
    }

    private MilestoneState withDependencies(String program, String milestone, boolean add) {
        List<DependencyView> changed = new ArrayList<>(dependsOn);
        DependencyView dependency = new DependencyView(program, milestone);
        changed.remove(dependency);
        if (add) {
            changed.add(dependency);
        }
        changed.sort(Comparator.comparing(DependencyView::programId).thenComparing(DependencyView::milestoneId));
        return new MilestoneState(
                milestoneId,
                programId,
                name,
                owner,
                plannedDate,
                forecastDate,
                actualDate,
                forecasts,
                List.copyOf(changed));
    }
}
