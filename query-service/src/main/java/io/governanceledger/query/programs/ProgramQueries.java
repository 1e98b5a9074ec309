package io.governanceledger.query.programs;

import io.governanceledger.events.programs.FindProgramQuery;
import io.governanceledger.events.programs.FindProgramsQuery;
import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.events.programs.ProgramView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

@Component
class ProgramQueries {

    private static final String SELECT = """
            SELECT p.*, (SELECT count(*) FROM decision d WHERE d.program_id = p.program_id) AS decision_count
            FROM program p
            """;

    private final JdbcClient jdbc;

    ProgramQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ProgramView> find(FindProgramQuery query) {
        return jdbc.sql(SELECT + " WHERE p.program_id = ?").param(query.programId()).query(ProgramQueries::view)
                   .optional();
    }

    @QueryHandler
    List<ProgramView> findAll(FindProgramsQuery query) {
        return jdbc.sql(SELECT + " WHERE (CAST(? AS VARCHAR) IS NULL OR p.status = ?) ORDER BY p.program_id")
                   .params(query.status() == null ? null : query.status().name(),
                           query.status() == null ? null : query.status().name())
                   .query(ProgramQueries::view)
                   .list();
    }

    private static ProgramView view(ResultSet row, int index) throws SQLException {
        return new ProgramView(row.getString("program_id"),
                               row.getString("name"),
                               row.getString("sponsor"),
                               row.getObject("start_date", java.time.LocalDate.class),
                               row.getObject("planned_end_date", java.time.LocalDate.class),
                               row.getString("currency"),
                               ProgramStatus.valueOf(row.getString("status")),
                               row.getObject("closed_on", java.time.LocalDate.class),
                               row.getLong("decision_count"),
                               instant(row.getTimestamp("created_at")),
                               instant(row.getTimestamp("last_changed_at")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
