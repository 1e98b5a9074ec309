package io.governanceledger.query.budget;

import io.governanceledger.events.budget.BalanceView;
import io.governanceledger.events.budget.BudgetLineLineageView;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.FindBudgetLineLineageQuery;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.LineageStepView;
import io.governanceledger.events.budget.MovementKind;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lineage of a budget line, from its ledger legs, their movements, approvals and decisions. */
@Component
class BudgetLineage {

    private final JdbcClient jdbc;

    BudgetLineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<BudgetLineLineageView> lineage(FindBudgetLineLineageQuery query) {
        Optional<Map<String, Object>> line = jdbc.sql("SELECT * FROM budget_line WHERE program_id = ? AND line_id = ?")
                                                 .params(query.programId(), query.lineId()).query().listOfRows()
                                                 .stream().findFirst();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        List<Step> rows = jdbc.sql("""
                                   SELECT e.position, e.leg, e.movement_id, e.measure, e.delta, e.effective_date, e.booked_at,
                                          m.kind, m.reference, m.requested_by, m.reason, m.authorising_reference,
                                          d.title AS decision_title, d.status AS decision_status,
                                          ARRAY(SELECT a.approver FROM budget_approval a
                                                WHERE a.movement_id = e.movement_id ORDER BY a.approved_at) AS approvers
                                   FROM budget_entry e
                                   JOIN budget_movement m ON m.movement_id = e.movement_id
                                   LEFT JOIN decision d ON d.decision_id = m.authorising_reference
                                   WHERE e.program_id = ? AND e.line_id = ?
                                   ORDER BY e.position, e.leg
                                   """)
                              .params(query.programId(), query.lineId())
                              .query((row, index) -> new Step(
                                      row.getLong("position"), row.getString("movement_id"),
                                      MovementKind.valueOf(row.getString("kind")),
                                      LedgerEntry.Measure.valueOf(row.getString("measure")), row.getBigDecimal("delta"),
                                      row.getObject("effective_date", LocalDate.class),
                                      row.getTimestamp("booked_at").toInstant(), row.getString("reference"),
                                      row.getString("requested_by"), strings(row.getArray("approvers")),
                                      row.getString("reason"), row.getString("authorising_reference"),
                                      row.getString("decision_title"), row.getString("decision_status")))
                              .list();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        List<LineageStepView> steps = new ArrayList<>();
        for (Step step : rows) {
            switch (step.measure()) {
                case ALLOCATED -> allocated = allocated.add(step.delta());
                case COMMITTED -> committed = committed.add(step.delta());
                case ACTUAL -> actual = actual.add(step.delta());
                case FORECAST -> forecast = forecast.add(step.delta());
            }
            steps.add(new LineageStepView(step.position(), step.movementId(), step.kind(), step.measure(), step.delta(),
                                          balance(allocated, committed, actual, forecast), step.effectiveDate(),
                                          step.bookedAt(), step.reference(), step.requestedBy(), step.approvers(),
                                          step.reason(), step.authorisingReference(), step.decisionTitle(),
                                          step.decisionStatus()));
        }
        Map<String, Object> row = line.get();
        return Optional.of(new BudgetLineLineageView(query.programId(), query.lineId(), (String) row.get("workstream"),
                                                     CostCategory.valueOf((String) row.get("category")),
                                                     (Integer) row.get("fiscal_year"),
                                                     balance(allocated, committed, actual, forecast), steps));
    }

    private static BalanceView balance(BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {
        return new BalanceView(allocated, committed, actual, allocated.subtract(committed).subtract(actual),
                               forecast.signum() == 0 ? null : forecast,
                               forecast.signum() == 0 ? null : allocated.subtract(forecast), null);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Step(long position, String movementId, MovementKind kind, LedgerEntry.Measure measure, BigDecimal delta,
                        LocalDate effectiveDate, java.time.Instant bookedAt, String reference, String requestedBy,
                        List<String> approvers, String reason, String authorisingReference, String decisionTitle,
                        String decisionStatus) {
    }
}
