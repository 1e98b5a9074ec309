package io.governanceledger.query.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables of schema {@code projections} each read model (named after its processor) owns. A
 * rebuild replaces exactly these; every table belongs to exactly one read model (tested).
 */
public final class ReadModels {

    public static final Map<String, List<String>> TABLES = Map.of(
            "programs", List.of("program_fact", "program_version"),
            "decisions", List.of("decision_fact", "decision_version"),
            "budget",
                    List.of(
                            "budget_line",
                            "budget_entry",
                            "line_balance",
                            "movement_fact",
                            "movement_version",
                            "delegation_fact",
                            "delegation_version"),
            "contracts",
                    List.of(
                            "contract",
                            "contract_amendment",
                            "contract_call_off",
                            "contract_index_value",
                            "contract_deadline_fact"),
            "audit", List.of("audit_event"),
            "access", List.of("access_grant", "access_revocation", "deputy_appointment", "deputy_revocation"),
            "changes",
                    List.of(
                            "change_request_fact",
                            "change_request_version",
                            "milestone_fact",
                            "milestone_version",
                            "baseline_fact",
                            "baseline_version",
                            "tolerance_exception_fact",
                            "tolerance_exception_version",
                            "change_plan_fact",
                            "change_plan_version"));

    /** Tables that are not a read model's: Flyway's history and the processors' tokens. */
    public static final Set<String> INFRASTRUCTURE = Set.of("flyway_schema_history", "token_entry");

    private ReadModels() {}
}
