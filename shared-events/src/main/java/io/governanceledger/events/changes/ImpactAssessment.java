package io.governanceledger.events.changes;

import java.util.List;

/**
 * An assessment of a change request: cost per budget line, schedule per milestone, scope, risk and
 * the options considered, and the amendment a contract would need with its verdict (or none).
 */
public record ImpactAssessment(
        List<CostImpact> costs,
        List<ScheduleImpact> schedule,
        String scope,
        String risk,
        String options,
        ContractImpact contract) {

    public ImpactAssessment {
        costs = costs == null ? List.of() : List.copyOf(costs);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }
}
