package io.governanceledger.query.programs;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ProgramQueries {

    /** Programs at a point on both clocks, with the number of decisions that existed at the same point. */
    private static final String AT_POINT = """
            SELECT p.state,
                   (SELECT count(*) FROM decision_version d
                    WHERE d.program_id = p.record_id
                      AND d.known_at @> CAST(:knownAt AS TIMESTAMPTZ)
                      AND d.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)) AS decision_count
            FROM program_version p
            WHERE p.known_at @> CAST(:knownAt AS TIMESTAMPTZ) AND p.effective @> CAST(:effectiveAt AS TIMESTAMPTZ)
            """;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ProgramVersions programs;

    ProgramQueries(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.programs = new ProgramVersions(jdbc);
    }

    @QueryHandler
    Optional<ProgramView> find(FindProgramQuery query) {
        PointInTime point = query.point();
        return jdbc.sql(AT_POINT + " AND p.record_id = :programId")
                .param("programId", query.programId())
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .query((row, index) ->
                        view(programs.state(row.getString("state")), row.getLong("decision_count"), point))
                .optional();
    }

    @QueryHandler
    List<ProgramView> findAll(FindProgramsQuery query) {
        PointInTime point = query.point();
        return jdbc.sql(AT_POINT + " AND (CAST(:status AS VARCHAR) IS NULL OR p.status = :status)"
                        + " AND (CAST(:everyProgram AS BOOLEAN) OR p.record_id = ANY(:only)) ORDER BY p.record_id")
                .param("status", query.status() == null ? null : query.status().name())
                .param("everyProgram", query.only() == null)
                .param(
                        "only",
                        query.only() == null ? new String[0] : query.only().toArray(String[]::new))
                .param("knownAt", point.knownAtUtc())
                .param("effectiveAt", point.effectiveAtUtc())
                .query((row, index) ->
                        view(programs.state(row.getString("state")), row.getLong("decision_count"), point))
                .list();
    }

    private static ProgramView view(ProgramState state, long decisionCount, PointInTime point) {
        return new ProgramView(
                state.programId(),
                point.stated(),
                point.knownAt(),
                state.name(),
                state.sponsor(),
                state.startDate(),
                state.plannedEndDate(),
                state.currency(),
                state.status(),
                state.closedOn(),
                decisionCount,
                state.createdAt(),
                state.lastChangedAt());
    }
}
