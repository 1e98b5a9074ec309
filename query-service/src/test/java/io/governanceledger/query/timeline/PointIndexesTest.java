package io.governanceledger.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.governanceledger.query.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program's point-in-time read costs the same whatever the other programs hold. Prepared statements
 * are planned once for any value after five executions (PostgreSQL's generic plan); with a GiST index
 * over every program's (known_at, effective), that plan intersected it with the program's index and
 * read every program's versions current at the point (160,896 rows for a program with 36 versions at
 * 1,000,000 events; V15).
 */
class PointIndexesTest {

    private static final String[][] POINT_READS = {
            {"decision_version", "decision register and decisions at a point"},
            {"movement_version", "budget movements at a point"},
            {"delegation_version", "delegations at a point"},
            {"line_balance", "budget line balances at a point"}};

    @Test
    void aProgramsReadAtAPointReadsOnlyThatProgramsRowsAlsoInTheGenericPlan() throws Exception {
        DriverManagerDataSource migrated = (DriverManagerDataSource) ProjectionDatabase.createDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(migrated.getUrl(), migrated.getUsername(),
                                                                             migrated.getPassword(), true));
        // 100,000 versions of 3,000 other programs and 33 of program P, all current at the same point (as at
        // 1,000,000 events: 553,860 versions of 15,385 programs)
        jdbc.execute("""
                INSERT INTO decision_version (record_id, program_id, known_from_position, known_at, effective, status, state,
                                              decision_date, recorded_at)
                SELECT 'D-' || n, CASE WHEN n <= 33 THEN 'P' ELSE 'OTHER-' || (n % 3000) END, n,
                       tstzrange('2026-01-01', NULL), tstzrange('2025-01-01', NULL), 'APPROVED', '{}', '2026-01-01', '2026-01-01'
                FROM generate_series(1, 100033) n""");
        jdbc.execute("ANALYZE decision_version");
        jdbc.execute("SET plan_cache_mode = force_generic_plan");
        jdbc.execute("PREPARE at_point(varchar, timestamptz, timestamptz) AS SELECT count(*) FROM decision_version"
                             + " WHERE program_id = $1 AND known_at @> $2 AND effective @> $3");
        String plan = jdbc.queryForObject("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE at_point('P', '2026-06-01', '2026-06-01')",
                                          String.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_version WHERE program_id = 'P'"
                                               + " AND known_at @> timestamptz '2026-06-01' AND effective @> timestamptz '2026-06-01'",
                                       Long.class)).isEqualTo(33);
        assertThat(rowsReadFromIndexes(new ObjectMapper().readTree(plan))).as(plan).isLessThanOrEqualTo(66);

        // every versions table a program is read from at a point has the index; program_version is read by record
        for (String[] table : POINT_READS) {
            assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = 'projections' AND tablename = ?",
                                         String.class, table[0]))
                    .as(table[1]).anyMatch(index -> index.contains("USING gist (program_id, known_at, effective)"))
                    .noneMatch(index -> index.contains("USING gist (known_at, effective)"));
        }
    }

    /** Rows the plan's index scans returned, in all their loops. */
    private static long rowsReadFromIndexes(JsonNode plan) {
        long rows = 0;
        List<JsonNode> nodes = new ArrayList<>();
        plan.findValues("Plan").forEach(nodes::add);
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.remove(nodes.size() - 1);
            if (node.path("Node Type").asText().contains("Index")) {
                rows += node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong());
            }
            node.path("Plans").forEach(nodes::add);
        }
        return rows;
    }
}
