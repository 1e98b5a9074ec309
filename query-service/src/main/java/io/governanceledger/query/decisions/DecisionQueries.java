package io.governanceledger.query.decisions;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.timeline.RecordVersions;
import io.governanceledger.support.time.BusinessClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class DecisionQueries {

    private static final String REGISTER_FILTER = """
            FROM decision_version
            WHERE program_id = :programId
              AND known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
              AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:from AS DATE) IS NULL OR decision_date >= :from)
              AND (CAST(:to AS DATE) IS NULL OR decision_date <= :to)
            """;

    private final JdbcClient jdbc;
    private final KnownPrograms programs;
    private final BusinessClock clock;
    private final DecisionVersions decisions;

    DecisionQueries(JdbcClient jdbc, KnownPrograms programs, BusinessClock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
        this.decisions = new DecisionVersions(jdbc);
    }

    @QueryHandler
    Optional<DecisionRegisterView> register(FindDecisionsQuery query) {
        PointInTime point = query.point();
        if (!programs.contains(query.programId(), point)) {
            return Optional.empty();
        }
        Map<String, Object> filter = new HashMap<>();
        filter.put("programId", query.programId());
        filter.put("knownAt", point.knownAtUtc());
        filter.put("effectiveAt", point.effectiveAtUtc());
        filter.put("status", query.status() == null ? null : query.status().name());
        filter.put("from", query.from());
        filter.put("to", query.to());
        long total = jdbc.sql("SELECT count(*) " + REGISTER_FILTER)
                .params(filter)
                .query(Long.class)
                .single();
        filter.put("limit", query.limit());
        filter.put("offset", query.offset());
        List<DecisionSummaryView> page = jdbc.sql("SELECT state " + REGISTER_FILTER
                        + " ORDER BY decision_date DESC, recorded_at DESC, record_id"
                        + " LIMIT :limit OFFSET :offset")
                .params(filter)
                .query((row, index) -> summary(decisions.state(row.getString("state"))))
                .list();
        return Optional.of(new DecisionRegisterView(
                query.programId(), point.stated(), point.knownAt(), total, query.offset(), query.limit(), page));
    }

    @QueryHandler
    Optional<DecisionView> find(FindDecisionQuery query) {
        PointInTime point = query.point();
        return jdbc.sql("SELECT state FROM decision_version WHERE record_id = :decisionId AND program_id = :programId"
                        + " AND " + RecordVersions.AT_POINT)
                .param("decisionId", query.decisionId())
                .param("programId", query.programId())
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .query((row, index) -> decisions.state(row.getString("state")))
                .optional()
                .map(state -> new DecisionView(
                        point.stated(),
                        point.knownAt(),
                        summary(state),
                        state.details(),
                        state.deferredUntil(),
                        state.revokedOn(),
                        history(query.decisionId(), point)));
    }

    private List<DecisionHistoryEntry> history(String decisionId, PointInTime point) {
        return DecisionHistoryEntry.known(jdbc, "decision_fact", decisionId, point);
    }

    private static DecisionSummaryView summary(DecisionState state) {
        return new DecisionSummaryView(
                state.decisionId(),
                state.programId(),
                state.details().title(),
                state.status(),
                state.details().decidingBody(),
                state.details().meetingDate(),
                state.decidedOn(),
                state.effectiveFrom(),
                state.chosenOption(),
                state.supersedes(),
                state.supersededBy(),
                state.recordedAt(),
                state.lastChangedAt());
    }
}
