package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ScopeItemAddedEvent;
import io.governanceledger.events.changes.ScopeItemRemovedEvent;
import io.governanceledger.events.changes.Tolerances;
import io.governanceledger.events.changes.TolerancesSetEvent;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A program's scope items and tolerances; kept as JSON in {@code change_plan_version.state}. */
record ChangePlanState(
        String programId,
        List<ScopeItemView> scope,
        Tolerances tolerances,
        String tolerancesDecisionId,
        Instant tolerancesSetAt) {

    static ChangePlanState fold(ChangePlanState state, Fact fact) {
        Object event = fact.event();
        ChangePlanState plan = state;
        if (plan == null) {
            String programId = event instanceof ScopeItemAddedEvent added
                    ? added.programId()
                    : event instanceof TolerancesSetEvent set ? set.programId() : null;
            if (programId == null) {
                return null;
            }
            plan = new ChangePlanState(programId, List.of(), null, null, null);
        }
        if (event instanceof ScopeItemAddedEvent added) {
            List<ScopeItemView> more = new ArrayList<>(plan.scope);
            more.add(new ScopeItemView(
                    added.itemId(), added.name(), added.description(), added.changeRequestId(), fact.recordedAt()));
            more.sort(Comparator.comparing(ScopeItemView::itemId));
            return new ChangePlanState(
                    plan.programId,
                    List.copyOf(more),
                    plan.tolerances,
                    plan.tolerancesDecisionId,
                    plan.tolerancesSetAt);
        }
        if (event instanceof ScopeItemRemovedEvent removed) {
            return new ChangePlanState(
                    plan.programId,
                    plan.scope.stream()
                            .filter(item -> !item.itemId().equals(removed.itemId()))
                            .toList(),
                    plan.tolerances,
                    plan.tolerancesDecisionId,
                    plan.tolerancesSetAt);
        }
        if (event instanceof TolerancesSetEvent set) {
            return new ChangePlanState(
                    plan.programId, plan.scope, set.tolerances(), set.decisionId(), fact.recordedAt());
        }
        return plan;
    }

    Map<String, Object> indexedColumns() {
        return Map.of("status", "IN_FORCE");
    }
}
