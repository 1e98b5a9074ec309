package io.governanceledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.governanceledger.query.ProjectionDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A program's point-in-time read costs the same whatever the other programs hold. Prepared statements
 * are planned once for any value after five executions (PostgreSQL's generic plan); with a GiST index
 * over every program's (known_at, effective), that plan intersected it with the program's index and
 * read every program's versions current at the point (160,896 rows for a program with 36 versions at
 * 1,000,000 events; V15). The same held for the check every such read makes first, whether the program
 * existed at the point, on {@code program_version} by record (11,828 rows read for one program at
 * 1,800,000 events; V16).
 */
class PointIndexesTest {

    /** Every versions table read at a point for one program, the column naming the program, and what reads it. */
    private static final String[][] POINT_READS = {
        {"decision_version", "program_id", "decision register and decisions at a point"},
        {"movement_version", "program_id", "budget movements at a point"},
        {"delegation_version", "program_id", "delegations at a point"},
        {"line_balance", "program_id", "budget line balances at a point"},
        {"program_version", "record_id", "whether a program existed at a point, a program at a point"}
    };

    /** The program existence check ({@code KnownPrograms}) and a program read by id ({@code ProgramQueries}). */
    private static final String[] PROGRAM_READS = {
        "SELECT EXISTS (SELECT 1 FROM program_version WHERE record_id = $1 AND known_at @> $2 AND effective @> $3)",
        "SELECT p.state FROM program_version p WHERE p.known_at @> $2 AND p.effective @> $3 AND p.record_id = $1"
    };

    @Test
    void aProgramsReadAtAPointReadsOnlyThatProgramsRowsAlsoInTheGenericPlan() throws Exception {
        JdbcTemplate jdbc = migratedDatabase();
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
        String plan = jdbc.queryForObject(
                "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE at_point('P', '2026-06-01', '2026-06-01')", String.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM decision_version WHERE program_id = 'P'"
                                + " AND known_at @> timestamptz '2026-06-01' AND effective @> timestamptz '2026-06-01'",
                        Long.class))
                .isEqualTo(33);
        assertThat(rowsReadFromIndexes(new ObjectMapper().readTree(plan)))
                .as(plan)
                .isLessThanOrEqualTo(66);

        // every versions table a program is read from at a point has the index
        for (String[] table : POINT_READS) {
            assertThat(jdbc.queryForList(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'projections' AND tablename = ?",
                            String.class,
                            table[0]))
                    .as(table[2])
                    .anyMatch(index -> index.contains("USING gist (" + table[1] + ", known_at, effective)"))
                    .noneMatch(index -> index.contains("USING gist (known_at, effective)"));
        }
    }

    @Test
    void whetherAProgramExistedAtAPointReadsOnlyThatProgramsVersionsAlsoInTheGenericPlan() throws Exception {
        JdbcTemplate jdbc = migratedDatabase();
        // 10,000 other programs with two versions each, one of them current at the point, as the programs of
        // a long history are (a program's versions are several, one per change); and program P's two
        jdbc.execute("""
                INSERT INTO program_version (record_id, program_id, known_from_position, known_at, effective, status, state)
                SELECT 'OTHER-' || n, 'OTHER-' || n, 2 * n, tstzrange('2026-01-01', '2026-03-01'), tstzrange('2025-01-01', NULL),
                       'ACTIVE', '{}'::jsonb
                FROM generate_series(1, 10000) n
                UNION ALL SELECT 'OTHER-' || n, 'OTHER-' || n, 2 * n + 1, tstzrange('2026-03-01', NULL), tstzrange('2025-01-01', NULL),
                       'ACTIVE', '{}'::jsonb
                FROM generate_series(1, 10000) n
                UNION ALL SELECT 'P', 'P', 30001, tstzrange('2026-01-01', '2026-07-01'), tstzrange('2025-01-01', NULL), 'ACTIVE', '{}'
                UNION ALL SELECT 'P', 'P', 30002, tstzrange('2026-07-01', NULL), tstzrange('2025-01-01', NULL), 'CLOSED', '{}'""");
        jdbc.execute("ANALYZE program_version");
        jdbc.execute("SET plan_cache_mode = force_generic_plan");
        for (int read = 0; read < PROGRAM_READS.length; read++) {
            jdbc.execute(
                    "PREPARE program_read_" + read + "(varchar, timestamptz, timestamptz) AS " + PROGRAM_READS[read]);
            for (String program : new String[] {"P", "UNKNOWN"}) {
                String plan = jdbc.queryForObject(
                        "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE program_read_" + read + "('" + program
                                + "', '2026-06-01', '2026-06-01')",
                        String.class);
                assertThat(rowsReadFromIndexes(new ObjectMapper().readTree(plan)))
                        .as(plan)
                        .isLessThanOrEqualTo(2);
            }
        }
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM program_version WHERE record_id = 'P'"
                                + " AND known_at @> timestamptz '2026-06-01' AND effective @> timestamptz '2026-06-01'",
                        String.class))
                .isEqualTo("ACTIVE");
    }

    /** A new database migrated to the read models' schema, on one connection (session settings hold). */
    private static JdbcTemplate migratedDatabase() {
        DriverManagerDataSource migrated = (DriverManagerDataSource) ProjectionDatabase.createDataSource();
        return new JdbcTemplate(new SingleConnectionDataSource(
                migrated.getUrl(), migrated.getUsername(), migrated.getPassword(), true));
    }

    /** Rows the plan's index scans returned (kept or filtered out), in all their loops. */
    private static long rowsReadFromIndexes(JsonNode plan) {
        long rows = 0;
        List<JsonNode> nodes = new ArrayList<>();
        plan.findValues("Plan").forEach(nodes::add);
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.remove(nodes.size() - 1);
            if (node.path("Node Type").asText().contains("Index")) {
                // what the index returned: the rows kept and those the scan's filter then dropped
                long returned = node.path("Actual Rows").asLong()
                        + node.path("Rows Removed by Filter").asLong();
                rows += returned * Math.max(1, node.path("Actual Loops").asLong());
            }
            node.path("Plans").forEach(nodes::add);
        }
        return rows;
    }
}
