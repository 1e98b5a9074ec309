package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The burn of a program over business time, from the line balances as known at the point: each line's
 * balance rows are consecutive date ranges, so the program's totals change only where one of them
 * starts, by the difference from the line's previous range.
 */
@Component
class BudgetBurn {

    private final JdbcClient jdbc;
    private final KnownPrograms programs;

    BudgetBurn(JdbcClient jdbc, KnownPrograms programs) {
        this.jdbc = jdbc;
        this.programs = programs;
    }

    private record Row(String lineId, LocalDate from, BigDecimal allocated, BigDecimal committed, BigDecimal actual) {}

    @QueryHandler
    Optional<BurnView> burn(FindBurnQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        String currency = jdbc.sql("SELECT currency FROM program WHERE program_id = ?")
                .param(query.programId())
                .query(String.class)
                .single();
        List<Row> rows = jdbc.sql("""
                        SELECT b.line_id, COALESCE(lower(b.effective), p.start_date) AS starts,
                               b.allocated, b.committed, b.actual
                        FROM line_balance b JOIN program p ON p.program_id = b.program_id
                        WHERE b.program_id = ? AND b.known_at @> CAST(? AS TIMESTAMPTZ)
                          AND COALESCE(lower(b.effective), p.start_date) <= ?
                        ORDER BY b.line_id, starts
                        """)
                .params(query.programId(), point.knownAtUtc(), point.asOf())
                .query((row, index) -> new Row(
                        row.getString("line_id"),
                        row.getObject("starts", LocalDate.class),
                        row.getBigDecimal("allocated"),
                        row.getBigDecimal("committed"),
                        row.getBigDecimal("actual")))
                .list();
        TreeMap<LocalDate, BigDecimal[]> changes = new TreeMap<>();
        Row previous = null;
        for (Row row : rows) {
            boolean sameLine = previous != null && previous.lineId().equals(row.lineId());
            BigDecimal[] change = changes.computeIfAbsent(
                    row.from(), date -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            change[0] = change[0].add(row.allocated().subtract(sameLine ? previous.allocated() : BigDecimal.ZERO));
            change[1] = change[1].add(row.committed().subtract(sameLine ? previous.committed() : BigDecimal.ZERO));
            change[2] = change[2].add(row.actual().subtract(sameLine ? previous.actual() : BigDecimal.ZERO));
            previous = row;
        }
        List<BurnView.Step> steps = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (var change : changes.entrySet()) {
            allocated = allocated.add(change.getValue()[0]);
            committed = committed.add(change.getValue()[1]);
            actual = actual.add(change.getValue()[2]);
            steps.add(new BurnView.Step(change.getKey(), allocated, committed, actual));
        }
        return Optional.of(new BurnView(query.programId(), point.stated(), point.knownAt(), currency, steps));
    }
}
