package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.timeline.RecordVersions;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The lineage of a budget line, from its ledger legs, their movements, approvals and decisions. */
@Component
class BudgetLineage {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final KnownPrograms programs;
    private final RecordVersions<MovementState> movements;

    BudgetLineage(JdbcClient jdbc, BusinessClock clock, KnownPrograms programs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.programs = programs;
        this.movements = new BudgetRecords(jdbc, clock.zone()).movements();
    }

    @QueryHandler
    Optional<BudgetLineLineageView> lineage(FindBudgetLineLineageQuery query) {
        PointInTime point = query.point();
        Optional<Map<String, Object>> line = jdbc
                .sql("""
                                                      SELECT * FROM budget_line WHERE program_id = ? AND line_id = ?
                                                        AND opened_at <= ? AND existing_from <= ?
                                                      """)
                .params(query.programId(), query.lineId(), point.knownAtUtc(), point.effectiveAtUtc())
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (line.isEmpty() || !programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        List<Step> rows = jdbc.sql("""
                                   SELECT e.position, e.leg, e.movement_id, e.measure, e.delta, e.effective_date, e.booked_at,
                                          m.state AS movement,
                                          COALESCE(d.state -> 'details' ->> 'title', c.state -> 'details' ->> 'title')
                                              AS decision_title,
                                          COALESCE(d.status, c.status) AS decision_status
                                   FROM budget_entry e
                                   JOIN movement_version m ON m.record_id = e.movement_id
                                        AND m.known_at @> CAST(:knownAt AS TIMESTAMPTZ)
                                        AND m.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
                                   LEFT JOIN decision_version d ON d.record_id = m.authorising_reference
                                        AND d.known_at @> CAST(:knownAt AS TIMESTAMPTZ)
                                        AND d.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
                                   LEFT JOIN change_request_version c
                                        ON c.record_id = m.program_id || '/' || m.authorising_reference
                                        AND c.known_at @> CAST(:knownAt AS TIMESTAMPTZ)
                                        AND c.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
                                   WHERE e.program_id = :programId AND e.line_id = :lineId
                                     AND e.booked_at <= CAST(:knownAt AS TIMESTAMPTZ) AND e.effective_date <= :asOf
                                   ORDER BY e.position, e.leg
                                   """)
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .param("asOf", point.asOf())
                .param("programId", query.programId())
                .param("lineId", query.lineId())
                .query((row, index) -> {
                    MovementState movement = movements.state(row.getString("movement"));
                    return new Step(
                            row.getLong("position"),
                            row.getString("movement_id"),
                            movement.movement().kind(),
                            LedgerEntry.Measure.valueOf(row.getString("measure")),
                            row.getBigDecimal("delta"),
                            row.getObject("effective_date", LocalDate.class),
                            row.getTimestamp("booked_at").toInstant(),
                            movement.movement().reference(),
                            movement.requestedBy(),
                            movement.approvals().stream()
                                    .map(ApprovalView::approver)
                                    .toList(),
                            movement.reason(),
                            movement.movement().authorisingReference(),
                            row.getString("decision_title"),
                            row.getString("decision_status"));
                })
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
            steps.add(new LineageStepView(
                    step.position(),
                    step.movementId(),
                    step.kind(),
                    step.measure(),
                    step.delta(),
                    balance(allocated, committed, actual, forecast),
                    step.effectiveDate(),
                    step.bookedAt(),
                    step.reference(),
                    step.requestedBy(),
                    step.approvers(),
                    step.reason(),
                    step.authorisingReference(),
                    step.decisionTitle(),
                    step.decisionStatus()));
        }
        Map<String, Object> row = line.get();
        return Optional.of(new BudgetLineLineageView(
                query.programId(),
                point.stated(),
                point.knownAt(),
                query.lineId(),
                (String) row.get("workstream"),
                CostCategory.valueOf((String) row.get("category")),
                (Integer) row.get("fiscal_year"),
                balance(allocated, committed, actual, forecast),
                steps));
    }

    private static BalanceView balance(
            BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {
        return new BalanceView(
                allocated,
                committed,
                actual,
                allocated.subtract(committed).subtract(actual),
                forecast.signum() == 0 ? null : forecast,
                forecast.signum() == 0 ? null : allocated.subtract(forecast),
                null);
    }

    private record Step(
            long position,
            String movementId,
            MovementKind kind,
            LedgerEntry.Measure measure,
            BigDecimal delta,
            LocalDate effectiveDate,
            java.time.Instant bookedAt,
            String reference,
            String requestedBy,
            List<String> approvers,
            String reason,
            String authorisingReference,
            String decisionTitle,
            String decisionStatus) {}
}
