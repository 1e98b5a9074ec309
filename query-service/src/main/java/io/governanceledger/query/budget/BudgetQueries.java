package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class BudgetQueries {

    /**
     * Movements at a point on both clocks, with the title of what authorised them at the same point: a
     * decision, or a change request (and then the decision that decided it).
     */
    private static final String MOVEMENTS = """
            SELECT m.state, COALESCE(d.state -> 'details' ->> 'title', c.state -> 'details' ->> 'title') AS decision_title,
                   c.decision_id AS change_decision_id
            FROM movement_version m
            LEFT JOIN decision_version d ON d.record_id = m.authorising_reference
                 AND d.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND d.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
            LEFT JOIN change_request_version c ON c.record_id = m.program_id || '/' || m.authorising_reference
                 AND c.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND c.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
            """;

    private static final String AT_POINT = """
            WHERE m.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND m.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
            """;
    private static final String MOVEMENT_FILTER = AT_POINT + """
              AND m.program_id = :programId
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
    private final BudgetRecords records;

    BudgetQueries(JdbcClient jdbc, BusinessClock clock, KnownPrograms programs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.programs = programs;
        this.records = new BudgetRecords(jdbc, clock.zone());
    }

    @QueryHandler
    Optional<BudgetView> budget(FindBudgetQuery query) {
        Optional<Map<String, Object>> program = jdbc
                .sql("SELECT currency, start_date FROM program WHERE program_id = ?")
                .param(query.programId())
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        LocalDate programStart = ((java.sql.Date) program.get().get("start_date")).toLocalDate();
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        LocalDate asOf = point.asOf();
        Instant knownAt = point.knownAt();
        List<LineRow> rows = jdbc.sql("""
                                      SELECT l.line_id, l.workstream, l.category, l.fiscal_year, l.currency,
                                             COALESCE(b.allocated, 0) AS allocated, COALESCE(b.committed, 0) AS committed,
                                             COALESCE(b.actual, 0) AS actual, COALESCE(b.forecast, 0) AS forecast
                                      FROM budget_line l
                                      LEFT JOIN line_balance b ON b.program_id = l.program_id AND b.line_id = l.line_id
                                           AND b.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND b.effective @> CAST(:asOf AS DATE)
                                      WHERE l.program_id = :programId AND l.opened_at <= CAST(:knownAt AS TIMESTAMPTZ)
                                        AND l.existing_from <= CAST(:effectiveAt AS TIMESTAMPTZ)
                                      ORDER BY l.fiscal_year, l.line_id
                                      """)
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .param("asOf", asOf)
                .param("programId", query.programId())
                .query((row, index) -> new LineRow(
                        row.getString("line_id"), row.getString("workstream"),
                        CostCategory.valueOf(row.getString("category")), row.getInt("fiscal_year"),
                        row.getString("currency"),
                                new Sums(
                                        row.getBigDecimal("allocated"),
                                        row.getBigDecimal("committed"),
                                        row.getBigDecimal("actual"),
                                        row.getBigDecimal("forecast"))))
                .list();
        LocalDate today = asOf;
        List<BudgetLineView> lines = rows.stream()
                .map(row -> new BudgetLineView(
                        row.lineId(),
                        row.workstream(),
                        row.category(),
                        row.fiscalYear(),
                        row.currency(),
                        balance(row.sums(), monthsOfYear(row.fiscalYear(), today))))
                .toList();
        List<BudgetTotalView> byYear = group(rows, row -> new GroupKey(row.fiscalYear(), null), today, programStart);
        List<BudgetTotalView> byCategory = group(rows, row -> new GroupKey(null, row.category()), today, programStart);
        List<BudgetTotalView> byBoth =
                group(rows, row -> new GroupKey(row.fiscalYear(), row.category()), today, programStart);
        Sums total = rows.stream().map(LineRow::sums).reduce(Sums.ZERO, Sums::plus);
        return Optional.of(new BudgetView(
                query.programId(),
                point.stated(),
                knownAt,
                (String) program.get().get("currency"),
                balance(total, monthsSince(programStart, today)),
                lines,
                byYear,
                byCategory,
                byBoth));
    }

    @QueryHandler
    Optional<MovementLedgerView> movements(FindMovementsQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        Map<String, Object> filter = pointParameters(point);
        filter.put("programId", query.programId());
        filter.put("lineId", query.lineId());
        filter.put("kind", query.kind() == null ? null : query.kind().name());
        filter.put("status", query.status() == null ? null : query.status().name());
        filter.put("from", query.from());
        filter.put("to", query.to());
        filter.put("reference", query.reference());
        long total = jdbc.sql("SELECT count(*) FROM movement_version m " + MOVEMENT_FILTER)
                .params(filter)
                .query(Long.class)
                .single();
        filter.put("offset", query.offset());
        String page = query.limit() > 0 ? " LIMIT " + query.limit() + " OFFSET :offset" : " OFFSET :offset";
        List<MovementView> movements = withDetails(
                jdbc.sql(MOVEMENTS + MOVEMENT_FILTER + " ORDER BY m.effective_date, m.requested_at, m.record_id" + page)
                        .params(filter)
                        .query(this::movementRow)
                        .list(),
                point);
        return Optional.of(new MovementLedgerView(
                query.programId(), point.stated(), point.knownAt(), total, query.offset(), query.limit(), movements));
    }

    @QueryHandler
    Optional<MovementView> movement(FindMovementQuery query) {
        PointInTime point = query.point();
        Map<String, Object> parameters = pointParameters(point);
        parameters.put("programId", query.programId());
        parameters.put("movementId", query.movementId());
        return withDetails(
                        jdbc.sql(MOVEMENTS + AT_POINT + " AND m.program_id = :programId AND m.record_id = :movementId")
                                .params(parameters)
                                .query(this::movementRow)
                                .list(),
                        point)
                .stream()
                .findFirst();
    }

    @QueryHandler
    List<MovementView> pendingApprovals(FindPendingApprovalsQuery query) {
        PointInTime point = query.point();
        Map<String, Object> parameters = pointParameters(point);
        parameters.put("asOf", point.asOf());
        parameters.put("approver", query.approver());
        parameters.put("programId", query.programId());
        parameters.put("everyProgram", query.only() == null);
        parameters.put(
                "only", query.only() == null ? new String[0] : query.only().toArray(String[]::new));
        return withDetails(
                jdbc.sql(MOVEMENTS + """
                                    JOIN budget_line l ON l.program_id = m.program_id AND l.line_id = m.line_id
                                    LEFT JOIN budget_line t ON t.program_id = m.program_id AND t.line_id = m.to_line_id
                                    """ + AT_POINT + """
                                      AND m.status = 'PENDING' AND m.expires_on >= :asOf
                                      AND m.requested_by <> :approver
                                      AND (CAST(:programId AS VARCHAR) IS NULL OR m.program_id = :programId)
                                      AND (CAST(:everyProgram AS BOOLEAN) OR m.program_id = ANY(:only))
                                      AND NOT m.state -> 'approvals' @> jsonb_build_array(
                                              jsonb_build_object('approver', CAST(:approver AS TEXT)))
                                      AND EXISTS (
                                          SELECT 1 FROM delegation_version g, LATERAL (SELECT g.state -> 'grant' AS grant) x
                                          WHERE g.known_at @> CAST(:knownAt AS TIMESTAMPTZ)
                                            AND g.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
                                            AND g.program_id = m.program_id AND g.holder = :approver
                                            AND g.status = 'GRANTED'
                                            AND CAST(:asOf AS DATE) BETWEEN CAST(x.grant ->> 'validFrom' AS DATE)
                                                                        AND CAST(x.grant ->> 'validTo' AS DATE)
                                            AND m.amount <= CAST(x.grant -> 'maxAmount' ->> 'amount' AS NUMERIC)
                                            AND (jsonb_array_length(x.grant -> 'lineIds') = 0
                                                 OR (x.grant -> 'lineIds' @> to_jsonb(m.line_id)
                                                     AND (m.to_line_id IS NULL OR x.grant -> 'lineIds' @> to_jsonb(m.to_line_id))))
                                            AND (jsonb_array_length(x.grant -> 'categories') = 0
                                                 OR (x.grant -> 'categories' @> to_jsonb(l.category)
                                                     AND (t.category IS NULL OR x.grant -> 'categories' @> to_jsonb(t.category)))))
                                    ORDER BY m.expires_on, m.requested_at
                                    """)
                        .params(parameters)
                        .query(this::movementRow)
                        .list(),
                point);
    }

    @QueryHandler
    List<DelegationView> delegations(FindDelegationsQuery query) {
        PointInTime point = query.point();
        Map<String, Object> parameters = pointParameters(point);
        parameters.put("programId", query.programId());
        return jdbc.sql("""
                        SELECT g.state FROM delegation_version g
                        WHERE g.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND g.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
                          AND g.program_id = :programId
                        ORDER BY g.holder, g.state -> 'grant' ->> 'validFrom', g.record_id
                        """)
                .params(parameters)
                .query((row, index) -> {
                    DelegationState state = records.delegations().state(row.getString("state"));
                    var grant = state.grant();
                    return new DelegationView(
                            grant.delegationId(),
                            grant.programId(),
                            grant.holder(),
                            grant.maxAmount().amount(),
                            grant.maxAmount().currency(),
                            grant.lineIds(),
                            grant.categories(),
                            grant.validFrom(),
                            grant.validTo(),
                            grant.grantedBy(),
                            state.revoked());
                })
                .list();
    }

    /** Adds the ledger legs booked by the point to movements, one query for the whole page. */
    private List<MovementView> withDetails(List<MovementView> movements, PointInTime point) {
        if (movements.isEmpty()) {
            return movements;
        }
        String[] ids = movements.stream().map(MovementView::movementId).toArray(String[]::new);
        Map<String, List<LedgerEntry>> entries = jdbc
                .sql("""
                                                          SELECT * FROM budget_entry WHERE movement_id = ANY (?)
                                                            AND booked_at <= ? AND effective_date <= ?
                                                          ORDER BY position, leg
                                                          """)
                .params(ids, point.knownAtUtc(), point.asOf())
                .query((row, index) -> Map.entry(
                        row.getString("movement_id"),
                        new LedgerEntry(
                                row.getString("line_id"),
                                LedgerEntry.Measure.valueOf(row.getString("measure")),
                                row.getBigDecimal("delta"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return movements.stream()
                .map(movement -> new MovementView(
                        movement.movementId(),
                        movement.programId(),
                        movement.kind(),
                        movement.status(),
                        movement.lineId(),
                        movement.toLineId(),
                        movement.amount(),
                        movement.currency(),
                        movement.reference(),
                        movement.commitmentReference(),
                        movement.authorisingReference(),
                        movement.authorisingDecisionTitle(),
                        movement.authorisingChangeDecisionId(),
                        movement.effectiveDate(),
                        movement.description(),
                        movement.reason(),
                        movement.requestedBy(),
                        movement.requestedAt(),
                        movement.requiredApprovals(),
                        movement.expiresOn(),
                        movement.decidedAt(),
                        movement.refusedBy(),
                        movement.approvals(),
                        entries.getOrDefault(movement.movementId(), List.of())))
                .toList();
    }

    private MovementView movementRow(ResultSet row, int index) throws SQLException {
        MovementState state = records.movements().state(row.getString("state"));
        var movement = state.movement();
        return new MovementView(
                state.movementId(),
                state.programId(),
                movement.kind(),
                state.status(),
                movement.lineId(),
                movement.toLineId(),
                movement.amount().amount(),
                movement.amount().currency(),
                movement.reference(),
                movement.commitmentReference(),
                movement.authorisingReference(),
                row.getString("decision_title"),
                row.getString("change_decision_id"),
                state.effectiveDate(),
                movement.description(),
                state.reason(),
                state.requestedBy(),
                state.requestedAt(),
                state.requiredApprovals(),
                state.expiresOn(),
                state.decidedAt(),
                state.refusedBy(),
                state.approvals(),
                List.of());
    }

    private static Map<String, Object> pointParameters(PointInTime point) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("knownAt", point.knownAtUtc());
        parameters.put("effectiveAt", point.effectiveAtUtc());
        return parameters;
    }

    private List<BudgetTotalView> group(
            List<LineRow> rows, Function<LineRow, GroupKey> key, LocalDate today, LocalDate programStart) {
        Map<GroupKey, Sums> sums = new HashMap<>();
        rows.forEach(row -> sums.merge(key.apply(row), row.sums(), Sums::plus));
        return sums.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<GroupKey, Sums> e) -> e.getKey().fiscalYear(),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(e -> e.getKey().category(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(e -> new BudgetTotalView(
                        e.getKey().fiscalYear(),
                        e.getKey().category(),
                        balance(
                                e.getValue(),
                                e.getKey().fiscalYear() != null
                                        ? monthsOfYear(e.getKey().fiscalYear(), today)
                                        : monthsSince(programStart, today))))
                .toList();
    }

    private static BalanceView balance(Sums sums, long months) {
        BigDecimal available = sums.allocated().subtract(sums.committed()).subtract(sums.actual());
        BigDecimal variance =
                sums.forecast().signum() == 0 ? null : sums.allocated().subtract(sums.forecast());
        BigDecimal burn =
                months <= 0 ? null : sums.actual().divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN);
        return new BalanceView(
                sums.allocated(),
                sums.committed(),
                sums.actual(),
                available,
                sums.forecast().signum() == 0 ? null : sums.forecast(),
                variance,
                burn);
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
        return today.isBefore(start)
                ? 0
                : ChronoUnit.MONTHS.between(start.withDayOfMonth(1), today.withDayOfMonth(1)) + 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record LineRow(
            String lineId, String workstream, CostCategory category, int fiscalYear, String currency, Sums sums) {}

    private record GroupKey(Integer fiscalYear, CostCategory category) {}

    private record Sums(BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {
        static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums other) {
            return new Sums(
                    allocated.add(other.allocated),
                    committed.add(other.committed),
                    actual.add(other.actual),
                    forecast.add(other.forecast));
        }
    }
}
