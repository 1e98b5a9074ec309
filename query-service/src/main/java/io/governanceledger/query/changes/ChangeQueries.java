package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.query.decisions.DecisionHistoryEntry;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.timeline.RecordVersions;
import io.governanceledger.support.messaging.LedgerSerializer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers change-control queries from the change-control tables, at a point on both clocks. */
@Component
class ChangeQueries {

    private final JdbcClient jdbc;
    private final KnownPrograms programs;
    private final ChangeRecords records;
    private final BaselineComparisons comparisons;

    ChangeQueries(JdbcClient jdbc, KnownPrograms programs, BaselineComparisons comparisons) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.records = new ChangeRecords(jdbc);
        this.comparisons = comparisons;
    }

    @QueryHandler
    Optional<ChangeRegisterView> register(FindChangeRequestsQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        List<ChangeRequestState> all = atPoint("change_request", query.programId(), point, records.requests::state);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ChangeRequestStatus status : ChangeRequestStatus.values()) {
            long count =
                    all.stream().filter(request -> request.status() == status).count();
            if (count > 0) {
                byStatus.put(status.name(), count);
            }
        }
        List<ChangeRequestSummaryView> listed = all.stream()
                .filter(request -> query.status() == null || request.status() == query.status())
                .sorted(Comparator.comparingInt(ChangeRequestState::number))
                .map(ChangeQueries::summary)
                .toList();
        return Optional.of(
                new ChangeRegisterView(query.programId(), point.stated(), point.knownAt(), byStatus, listed));
    }

    @QueryHandler
    Optional<ChangeRequestView> changeRequest(FindChangeRequestQuery query) {
        PointInTime point = query.point();
        String recordId = ChangeRecords.id(query.programId(), query.changeRequestId());
        return records.requests
                .at(recordId, point.knownAt(), point.effectiveAt())
                .filter(state -> state.programId().equals(query.programId()))
                .map(state -> new ChangeRequestView(
                        point.stated(),
                        point.knownAt(),
                        summary(state),
                        state.details(),
                        state.assessor(),
                        state.assessment(),
                        state.assessments(),
                        state.decidingBody(),
                        state.conditions(),
                        state.decidedBy(),
                        state.authorityEndedOn(),
                        trace(state, point),
                        history("change_request_fact", recordId, point)));
    }

    @QueryHandler
    Optional<MilestonesView> milestones(FindMilestonesQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        Optional<BaselineState> baseline = currentBaseline(query.programId(), point);
        Map<String, LocalDate> baselineDates = new HashMap<>();
        baseline.ifPresent(b -> b.content().milestones().forEach(m -> baselineDates.put(m.milestoneId(), m.date())));
        List<MilestoneState> own = atPoint("milestone", query.programId(), point, records.milestones::state);
        Map<String, MilestoneState> byId = new HashMap<>();
        own.forEach(milestone -> byId.put(ChangeRecords.id(query.programId(), milestone.milestoneId()), milestone));
        List<MilestoneView> views = own.stream()
                .sorted(Comparator.comparing(MilestoneState::dateNow).thenComparing(MilestoneState::milestoneId))
                .map(milestone -> milestoneView(
                        milestone, baselineDates.get(milestone.milestoneId()), byId, point, query::mayRead))
                .toList();
        return Optional.of(new MilestonesView(
                query.programId(),
                point.stated(),
                point.knownAt(),
                baseline.map(BaselineState::number).orElse(null),
                views));
    }

    @QueryHandler
    Optional<BaselinesView> baselines(FindBaselinesQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        List<BaselineState> all = atPoint("baseline", query.programId(), point, records.baselines::state);
        List<BaselineSummaryView> listed = all.stream()
                .sorted(Comparator.comparingInt(BaselineState::number).reversed())
                .map(ChangeQueries::summary)
                .toList();
        if (query.number() == null) {
            return Optional.of(
                    new BaselinesView(query.programId(), point.stated(), point.knownAt(), listed, null, null));
        }
        return all.stream()
                .filter(baseline -> baseline.number() == query.number())
                .findFirst()
                .map(baseline -> new BaselinesView(
                        query.programId(),
                        point.stated(),
                        point.knownAt(),
                        List.of(summary(baseline)),
                        baseline.content(),
                        baseline.content().sha256().equals(baseline.contentHash())));
    }

    @QueryHandler
    Optional<BaselineComparisonView> comparison(FindBaselineComparisonQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        List<BaselineState> all = atPoint("baseline", query.programId(), point, records.baselines::state);
        Optional<BaselineState> baseline =
                all.stream().filter(b -> b.number() == query.number()).findFirst();
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        if (query.against() != null) {
            return all.stream()
                    .filter(b -> b.number() == query.against())
                    .findFirst()
                    .map(other -> comparisons.between(
                            query.programId(),
                            point,
                            summary(baseline.get()),
                            baseline.get().content(),
                            summary(other),
                            other.content()));
        }
        return Optional.of(comparisons.againstProgram(
                query.programId(),
                point,
                summary(baseline.get()),
                baseline.get().content(),
                scopeAt(query.programId(), point),
                atPoint("milestone", query.programId(), point, records.milestones::state)));
    }

    @QueryHandler
    Optional<ExceptionsView> exceptions(FindExceptionsQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        List<ExceptionState> all = atPoint("tolerance_exception", query.programId(), point, records.exceptions::state);
        long open =
                all.stream().filter(e -> ExceptionState.OPEN.equals(e.status())).count();
        List<ExceptionState> listed = all.stream()
                .filter(e -> !query.openOnly() || ExceptionState.OPEN.equals(e.status()))
                .sorted(Comparator.comparingInt(ExceptionState::number).reversed())
                .toList();
        return Optional.of(new ExceptionsView(query.programId(), point.stated(), point.knownAt(), open, listed));
    }

    @QueryHandler
    Optional<ChangePlanView> plan(FindChangePlanQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        Optional<ChangePlanState> plan = records.plans.at(query.programId(), point.knownAt(), point.effectiveAt());
        return Optional.of(new ChangePlanView(
                query.programId(),
                point.stated(),
                point.knownAt(),
                plan.map(ChangePlanState::scope).orElse(List.of()),
                plan.map(ChangePlanState::tolerances).orElse(null),
                plan.map(ChangePlanState::tolerancesDecisionId).orElse(null),
                plan.map(ChangePlanState::tolerancesSetAt).orElse(null)));
    }

    /** The latest baseline at the point, if any: the one tolerances and milestones are measured against. */
    Optional<BaselineState> currentBaseline(String programId, PointInTime point) {
        return atPoint("baseline", programId, point, records.baselines::state).stream()
                .max(Comparator.comparingInt(BaselineState::number));
    }

    private List<ScopeItemView> scopeAt(String programId, PointInTime point) {
        return records.plans
                .at(programId, point.knownAt(), point.effectiveAt())
                .map(ChangePlanState::scope)
                .orElse(List.of());
    }

    private <S> List<S> atPoint(String kind, String programId, PointInTime point, Function<String, S> state) {
        return jdbc.sql("SELECT state FROM " + kind + "_version WHERE program_id = :programId AND "
                        + RecordVersions.AT_POINT)
                .param("programId", programId)
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .query((row, index) -> state.apply(row.getString("state")))
                .list();
    }

    /**
     * A milestone with its dependencies' dates now; one of a program the reader may not see is shown as
     * such, without its program, name or date, and does not flag the milestone.
     */
    private MilestoneView milestoneView(
            MilestoneState milestone,
            LocalDate baselineDate,
            Map<String, MilestoneState> own,
            PointInTime point,
            java.util.function.Predicate<String> mayRead) {
        List<MilestoneView.DependencyStatus> dependencies = new ArrayList<>();
        boolean flagged = false;
        for (DependencyView dependency : milestone.dependsOn()) {
            if (!mayRead.test(dependency.programId())) {
                dependencies.add(new MilestoneView.DependencyStatus(null, null, null, null, false, false));
                continue;
            }
            String recordId = ChangeRecords.id(dependency.programId(), dependency.milestoneId());
            Optional<MilestoneState> other = own.containsKey(recordId)
                    ? Optional.of(own.get(recordId))
                    : records.milestones.at(recordId, point.knownAt(), point.effectiveAt());
            LocalDate otherDate = other.map(MilestoneState::dateNow).orElse(null);
            boolean after = otherDate != null && otherDate.isAfter(milestone.dateNow());
            flagged |= after;
            dependencies.add(new MilestoneView.DependencyStatus(
                    dependency.programId(),
                    dependency.milestoneId(),
                    other.map(MilestoneState::name).orElse(null),
                    otherDate,
                    other.isPresent(),
                    after));
        }
        return new MilestoneView(
                milestone.milestoneId(),
                milestone.name(),
                milestone.owner(),
                milestone.plannedDate(),
                baselineDate,
                milestone.forecastDate(),
                milestone.actualDate(),
                baselineDate == null ? null : ChronoUnit.DAYS.between(baselineDate, milestone.dateNow()),
                flagged,
                List.copyOf(dependencies),
                milestone.forecasts());
    }

    /** What implements the change request, as known at the point (whatever the effective dates). */
    private TraceView trace(ChangeRequestState state, PointInTime point) {
        String programId = state.programId();
        List<String> via = new ArrayList<>(List.of(state.changeRequestId()));
        TraceView.DecisionLink decision = null;
        if (state.decisionId() != null) {
            via.add(state.decisionId());
            decision = jdbc.sql("SELECT state FROM decision_version WHERE record_id = :id AND program_id = :programId"
                            + " AND " + RecordVersions.AT_POINT)
                    .param("id", state.decisionId())
                    .param("programId", programId)
                    .param("knownAt", point.knownAtUtc())
                    .param("effectiveAt", point.effectiveAtUtc())
                    .query((row, index) -> {
                        Map<?, ?> decided = LedgerSerializer.fromJson(row.getString("state"), Map.class);
                        Map<?, ?> details = (Map<?, ?>) decided.get("details");
                        return new TraceView.DecisionLink(
                                state.decisionId(),
                                (String) details.get("title"),
                                (String) decided.get("status"),
                                (String) details.get("decidingBody"));
                    })
                    .optional()
                    .orElse(new TraceView.DecisionLink(state.decisionId(), null, null, state.decidingBody()));
        }
        List<TraceView.MovementLink> movements = jdbc.sql("""
                        SELECT record_id, kind, status, line_id, amount, effective_date, authorising_reference
                        FROM movement_version
                        WHERE program_id = :programId AND authorising_reference IN (:via)
                          AND known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND upper_inf(effective)
                        ORDER BY effective_date, record_id
                        """)
                .param("programId", programId)
                .param("via", via)
                .param("knownAt", point.knownAtUtc())
                .query((row, index) -> new TraceView.MovementLink(
                        row.getString("record_id"),
                        row.getString("kind"),
                        row.getString("status"),
                        row.getString("line_id"),
                        row.getBigDecimal("amount"),
                        row.getObject("effective_date", LocalDate.class),
                        row.getString("authorising_reference")))
                .list();
        List<TraceView.AmendmentLink> amendments = jdbc.sql("""
                        SELECT a.amendment_id, a.contract_id, c.reference, a.number, a.status,
                               CAST(a.proposal ->> 'valueDelta' AS NUMERIC) AS value_delta, a.effective_from,
                               a.proposal ->> 'authorisingDecisionId' AS via
                        FROM contract_amendment a JOIN contract c ON c.contract_id = a.contract_id
                        WHERE c.program_id = :programId AND a.proposal ->> 'authorisingDecisionId' IN (:via)
                          AND a.recorded_at <= :knownAt
                        ORDER BY a.position
                        """)
                .param("programId", programId)
                .param("via", via)
                .param("knownAt", point.knownAtUtc())
                .query((row, index) -> new TraceView.AmendmentLink(
                        row.getString("amendment_id"),
                        row.getString("contract_id"),
                        row.getString("reference"),
                        (Integer) row.getObject("number"),
                        row.getString("status"),
                        row.getBigDecimal("value_delta"),
                        row.getObject("effective_from", LocalDate.class),
                        row.getString("via")))
                .list();
        List<TraceView.BaselineLink> baselines = jdbc
                .sql("""
                        SELECT state FROM baseline_version
                        WHERE program_id = :programId AND state ->> 'changeRequestId' = :id
                          AND known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND upper_inf(effective)
                        ORDER BY number
                        """)
                .param("programId", programId)
                .param("id", state.changeRequestId())
                .param("knownAt", point.knownAtUtc())
                .query((row, index) -> records.baselines.state(row.getString("state")))
                .list()
                .stream()
                .map(b -> new TraceView.BaselineLink(b.number(), b.name(), b.contentHash(), b.recordedAt()))
                .toList();
        List<TraceView.PlanLink> plan = new ArrayList<>();
        for (String kind : List.of("milestone", "change_plan")) {
            plan.addAll(jdbc.sql("SELECT record_id, event_type, recorded_at, payload ->> 'itemId' AS item FROM " + kind
                            + "_fact WHERE program_id = :programId AND payload ->> 'changeRequestId' = :id"
                            + " AND recorded_at <= :knownAt ORDER BY position")
                    .param("programId", programId)
                    .param("id", state.changeRequestId())
                    .param("knownAt", point.knownAtUtc())
                    .query((row, index) -> new TraceView.PlanLink(
                            kind.equals("milestone") ? "MILESTONE" : "SCOPE_ITEM",
                            kind.equals("milestone")
                                    ? row.getString("record_id").substring(programId.length() + 1)
                                    : row.getString("item"),
                            row.getString("event_type"),
                            instant(row, "recorded_at")))
                    .list());
        }
        plan.sort(Comparator.comparing(TraceView.PlanLink::recordedAt));
        return new TraceView(decision, movements, amendments, baselines, List.copyOf(plan));
    }

    private List<DecisionHistoryEntry> history(String facts, String recordId, PointInTime point) {
        return DecisionHistoryEntry.known(jdbc, facts, recordId, point);
    }

    static ChangeRequestSummaryView summary(ChangeRequestState state) {
        return new ChangeRequestSummaryView(
                state.changeRequestId(),
                state.number(),
                state.details().title(),
                state.details().type(),
                state.details().urgency(),
                state.status(),
                state.details().requestedBy().person() + " ("
                        + state.details().requestedBy().organisation() + ")",
                state.raisedBy(),
                state.raisedAt(),
                state.decisionId(),
                state.decidedOn(),
                state.lastChangedAt());
    }

    static BaselineSummaryView summary(BaselineState baseline) {
        return new BaselineSummaryView(
                baseline.number(),
                baseline.name(),
                baseline.decisionId(),
                baseline.changeRequestId(),
                baseline.asOf(),
                baseline.knownAt(),
                baseline.contentHash(),
                baseline.capturedBy(),
                baseline.recordedAt());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
