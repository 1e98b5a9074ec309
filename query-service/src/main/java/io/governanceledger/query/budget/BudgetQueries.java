package io.governanceledger.query.budget;

import io.governanceledger.events.budget.ApprovalView;
import io.governanceledger.events.budget.BalanceView;
import io.governanceledger.events.budget.BudgetLineView;
import io.governanceledger.events.budget.BudgetTotalView;
import io.governanceledger.events.budget.BudgetView;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.DelegationView;
import io.governanceledger.events.budget.FindBudgetQuery;
import io.governanceledger.events.budget.FindDelegationsQuery;
import io.governanceledger.events.budget.FindMovementQuery;
import io.governanceledger.events.budget.FindMovementsQuery;
import io.governanceledger.events.budget.FindPendingApprovalsQuery;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementLedgerView;
import io.governanceledger.events.budget.MovementView;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.timeline.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@Component
class BudgetQueries {

    private static final String MOVEMENTS = """
            SELECT m.*, d.title AS decision_title
            FROM budget_movement m LEFT JOIN decision d ON d.decision_id = m.authorising_reference
            """;
    private static final String MOVEMENT_FILTER = """
            WHERE m.program_id = :programId
              AND (CAST(:lineId AS VARCHAR) IS NULL OR m.line_id = :lineId OR m.to_line_id = :lineId)
              AND (CAST(:kind AS VARCHAR) IS NULL OR m.kind = :kind)
              AND (CAST(:status AS VARCHAR) IS NULL OR m.status = :status)
              AND (CAST(:from AS DATE) IS NULL OR m.effective_date >= :from)
              AND (CAST(:to AS DATE) IS NULL OR m.effective_date <= :to)
              AND (CAST(:reference AS VARCHAR) IS NULL OR m.reference = :reference
                   OR m.commitment_reference = :reference)
            """;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final KnownPrograms programs;

    BudgetQueries(JdbcClient jdbc, BusinessClock clock, KnownPrograms programs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.programs = programs;
    }

    @QueryHandler
    Optional<BudgetView> budget(FindBudgetQuery query) {
        Optional<Map<String, Object>> program = jdbc.sql("SELECT currency, start_date FROM program WHERE program_id = ?")
                                                    .param(query.programId()).query().listOfRows().stream().findFirst();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        LocalDate programStart = ((java.sql.Date) program.get().get("start_date")).toLocalDate();
        PointInTime point = PointInTime.of(query.asOf(), query.knownAt(), clock);
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        LocalDate asOf = point.asOf();
        Instant knownAt = point.knownAt();
        List<LineRow> rows = jdbc.sql("""
                                      SELECT l.line_id, l.workstream, l.category, l.fiscal_year, l.currency,
                                             COALESCE(SUM(e.delta) FILTER (WHERE e.measure = 'ALLOCATED'), 0) AS allocated,
                                             COALESCE(SUM(e.delta) FILTER (WHERE e.measure = 'COMMITTED'), 0) AS committed,
                                             COALESCE(SUM(e.delta) FILTER (WHERE e.measure = 'ACTUAL'), 0) AS actual,
                                             COALESCE(SUM(e.delta) FILTER (WHERE e.measure = 'FORECAST'), 0) AS forecast
                                      FROM budget_line l
                                      LEFT JOIN budget_entry e ON e.program_id = l.program_id AND e.line_id = l.line_id
                                                               AND e.effective_date <= ? AND e.booked_at <= ?
                                      WHERE l.program_id = ? AND l.opened_at <= ?
                                      GROUP BY l.program_id, l.line_id
                                      ORDER BY l.fiscal_year, l.line_id
                                      """)
                                 .params(asOf, knownAt.atOffset(java.time.ZoneOffset.UTC), query.programId(),
                                         knownAt.atOffset(java.time.ZoneOffset.UTC))
                                 .query((row, index) -> new LineRow(
                                         row.getString("line_id"), row.getString("workstream"),
                                         CostCategory.valueOf(row.getString("category")), row.getInt("fiscal_year"),
                                         row.getString("currency"), new Sums(row.getBigDecimal("allocated"),
                                                                             row.getBigDecimal("committed"),
                                                                             row.getBigDecimal("actual"),
                                                                             row.getBigDecimal("forecast"))))
                                 .list();
        LocalDate today = asOf;
        List<BudgetLineView> lines = rows.stream()
                .map(row -> new BudgetLineView(row.lineId(), row.workstream(), row.category(), row.fiscalYear(),
                                               row.currency(), balance(row.sums(), monthsOfYear(row.fiscalYear(), today))))
                .toList();
        List<BudgetTotalView> byYear = group(rows, row -> new GroupKey(row.fiscalYear(), null), today, programStart);
        List<BudgetTotalView> byCategory = group(rows, row -> new GroupKey(null, row.category()), today, programStart);
        List<BudgetTotalView> byBoth = group(rows, row -> new GroupKey(row.fiscalYear(), row.category()), today,
                                             programStart);
        Sums total = rows.stream().map(LineRow::sums).reduce(Sums.ZERO, Sums::plus);
        return Optional.of(new BudgetView(query.programId(), asOf, knownAt, (String) program.get().get("currency"),
                                          balance(total, monthsSince(programStart, today)), lines, byYear, byCategory,
                                          byBoth));
    }

    @QueryHandler
    Optional<MovementLedgerView> movements(FindMovementsQuery query) {
        if (!programs.contains(query.programId())) {
            return Optional.empty();
        }
        Map<String, Object> filter = new HashMap<>();
        filter.put("programId", query.programId());
        filter.put("lineId", query.lineId());
        filter.put("kind", query.kind() == null ? null : query.kind().name());
        filter.put("status", query.status());
        filter.put("from", query.from());
        filter.put("to", query.to());
        filter.put("reference", query.reference());
        long total = jdbc.sql("SELECT count(*) FROM budget_movement m " + MOVEMENT_FILTER).params(filter)
                         .query(Long.class).single();
        filter.put("offset", query.offset());
        String page = query.limit() > 0 ? " LIMIT " + query.limit() + " OFFSET :offset" : " OFFSET :offset";
        List<MovementView> movements = withDetails(jdbc.sql(MOVEMENTS + MOVEMENT_FILTER
                                                                    + " ORDER BY m.effective_date, m.requested_at, m.movement_id"
                                                                    + page)
                                                       .params(filter).query(BudgetQueries::movement).list());
        return Optional.of(new MovementLedgerView(query.programId(), total, query.offset(), query.limit(), movements));
    }

    @QueryHandler
    Optional<MovementView> movement(FindMovementQuery query) {
        return withDetails(jdbc.sql(MOVEMENTS + " WHERE m.program_id = ? AND m.movement_id = ?")
                               .params(query.programId(), query.movementId()).query(BudgetQueries::movement).list())
                .stream().findFirst();
    }

    @QueryHandler
    List<MovementView> pendingApprovals(FindPendingApprovalsQuery query) {
        return withDetails(jdbc.sql(MOVEMENTS + """
                                    JOIN budget_line l ON l.program_id = m.program_id AND l.line_id = m.line_id
                                    LEFT JOIN budget_line t ON t.program_id = m.program_id AND t.line_id = m.to_line_id
                                    WHERE m.status = 'PENDING' AND m.expires_on >= :today
                                      AND m.requested_by <> :approver
                                      AND (CAST(:programId AS VARCHAR) IS NULL OR m.program_id = :programId)
                                      AND NOT EXISTS (SELECT 1 FROM budget_approval a
                                                      WHERE a.movement_id = m.movement_id AND a.approver = :approver)
                                      AND EXISTS (
                                          SELECT 1 FROM budget_delegation g
                                          WHERE g.program_id = m.program_id AND g.holder = :approver AND NOT g.revoked
                                            AND :today BETWEEN g.valid_from AND g.valid_to AND m.amount <= g.max_amount
                                            AND (cardinality(g.line_ids) = 0 OR (m.line_id = ANY (g.line_ids)
                                                 AND (m.to_line_id IS NULL OR m.to_line_id = ANY (g.line_ids))))
                                            AND (cardinality(g.categories) = 0 OR (l.category = ANY (g.categories)
                                                 AND (t.category IS NULL OR t.category = ANY (g.categories)))))
                                    ORDER BY m.expires_on, m.requested_at
                                    """)
                               .param("today", clock.today())
                               .param("approver", query.approver())
                               .param("programId", query.programId())
                               .query(BudgetQueries::movement).list());
    }

    @QueryHandler
    List<DelegationView> delegations(FindDelegationsQuery query) {
        return jdbc.sql("SELECT * FROM budget_delegation WHERE program_id = ? ORDER BY holder, valid_from, delegation_id")
                   .param(query.programId())
                   .query((row, index) -> new DelegationView(
                           row.getString("delegation_id"), row.getString("program_id"), row.getString("holder"),
                           row.getBigDecimal("max_amount"), row.getString("currency"), strings(row.getArray("line_ids")),
                           strings(row.getArray("categories")).stream().map(CostCategory::valueOf).toList(),
                           row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
                           row.getString("granted_by"), row.getBoolean("revoked")))
                   .list();
    }

    /** Adds approvals and ledger legs to movements, two queries for the whole page. */
    private List<MovementView> withDetails(List<MovementView> movements) {
        if (movements.isEmpty()) {
            return movements;
        }
        String[] ids = movements.stream().map(MovementView::movementId).toArray(String[]::new);
        Map<String, List<ApprovalView>> approvals = jdbc.sql("""
                                                             SELECT * FROM budget_approval WHERE movement_id = ANY (?)
                                                             ORDER BY approved_at, approver
                                                             """)
                .param(ids)
                .query((row, index) -> Map.entry(row.getString("movement_id"), new ApprovalView(
                        row.getString("approver"), row.getString("delegation_id"), instant(row.getTimestamp("approved_at")),
                        row.getString("reason"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, List<LedgerEntry>> entries = jdbc.sql("""
                                                          SELECT * FROM budget_entry WHERE movement_id = ANY (?)
                                                          ORDER BY position, leg
                                                          """)
                .param(ids)
                .query((row, index) -> Map.entry(row.getString("movement_id"), new LedgerEntry(
                        row.getString("line_id"), LedgerEntry.Measure.valueOf(row.getString("measure")),
                        row.getBigDecimal("delta"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return movements.stream().map(movement -> new MovementView(
                movement.movementId(), movement.programId(), movement.kind(), movement.status(), movement.lineId(),
                movement.toLineId(), movement.amount(), movement.currency(), movement.reference(),
                movement.commitmentReference(), movement.authorisingReference(), movement.authorisingDecisionTitle(),
                movement.effectiveDate(), movement.description(), movement.reason(), movement.requestedBy(),
                movement.requestedAt(), movement.requiredApprovals(), movement.expiresOn(), movement.decidedAt(),
                movement.refusedBy(), approvals.getOrDefault(movement.movementId(), List.of()),
                entries.getOrDefault(movement.movementId(), List.of()))).toList();
    }

    private static MovementView movement(ResultSet row, int index) throws SQLException {
        return new MovementView(row.getString("movement_id"), row.getString("program_id"),
                                MovementKind.valueOf(row.getString("kind")), row.getString("status"),
                                row.getString("line_id"), row.getString("to_line_id"), row.getBigDecimal("amount"),
                                row.getString("currency"), row.getString("reference"),
                                row.getString("commitment_reference"), row.getString("authorising_reference"),
                                row.getString("decision_title"), row.getObject("effective_date", LocalDate.class),
                                row.getString("description"), row.getString("reason"), row.getString("requested_by"),
                                instant(row.getTimestamp("requested_at")), row.getInt("required_approvals"),
                                row.getObject("expires_on", LocalDate.class), instant(row.getTimestamp("decided_at")),
                                row.getString("refused_by"), List.of(), List.of());
    }

    private List<BudgetTotalView> group(List<LineRow> rows, Function<LineRow, GroupKey> key, LocalDate today,
                                        LocalDate programStart) {
        Map<GroupKey, Sums> sums = new HashMap<>();
        rows.forEach(row -> sums.merge(key.apply(row), row.sums(), Sums::plus));
        return sums.entrySet().stream()
                   .sorted(Comparator.comparing((Map.Entry<GroupKey, Sums> e) -> e.getKey().fiscalYear(),
                                                Comparator.nullsFirst(Comparator.naturalOrder()))
                                     .thenComparing(e -> e.getKey().category(),
                                                    Comparator.nullsFirst(Comparator.naturalOrder())))
                   .map(e -> new BudgetTotalView(e.getKey().fiscalYear(), e.getKey().category(), balance(
                           e.getValue(), e.getKey().fiscalYear() != null ? monthsOfYear(e.getKey().fiscalYear(), today)
                                                                         : monthsSince(programStart, today))))
                   .toList();
    }

    private static BalanceView balance(Sums sums, long months) {
        BigDecimal available = sums.allocated().subtract(sums.committed()).subtract(sums.actual());
        BigDecimal variance = sums.forecast().signum() == 0 ? null : sums.allocated().subtract(sums.forecast());
        BigDecimal burn = months <= 0 ? null : sums.actual().divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN);
        return new BalanceView(sums.allocated(), sums.committed(), sums.actual(), available,
                               sums.forecast().signum() == 0 ? null : sums.forecast(), variance, burn);
    }

    /** Started months of the fiscal year by {@code today}: 0 before it, 12 after it. */
    static long monthsOfYear(int fiscalYear, LocalDate today) {
        if (today.getYear() < fiscalYear) {
            return 0;
        }
        return today.getYear() > fiscalYear ? 12 : today.getMonthValue();
    }

    /** Started months since the program began. */
    static long monthsSince(LocalDate start, LocalDate today) {
        return today.isBefore(start) ? 0 : ChronoUnit.MONTHS.between(start.withDayOfMonth(1), today.withDayOfMonth(1)) + 1;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record LineRow(String lineId, String workstream, CostCategory category, int fiscalYear, String currency,
                           Sums sums) {
    }

    private record GroupKey(Integer fiscalYear, CostCategory category) {
    }

    private record Sums(BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {
        static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums other) {
            return new Sums(allocated.add(other.allocated), committed.add(other.committed), actual.add(other.actual),
                            forecast.add(other.forecast));
        }
    }
}
