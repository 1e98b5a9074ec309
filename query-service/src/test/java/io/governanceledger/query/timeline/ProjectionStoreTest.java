package io.governanceledger.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.query.ProjectionDatabase;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that writes read-model rows commits without waiting for the disk; every other
 * transaction on the same connections keeps the server's durable commit.
 */
class ProjectionStoreTest {

    private static final String LINE = """
            INSERT INTO budget_line (program_id, line_id, workstream, category, fiscal_year, currency, opened_at, existing_from)
            VALUES (?, ?, 'W', 'LABOUR', 2026, 'EUR', ?, ?)
            """;

    @Test
    void onlyTheTransactionsThatWriteReadModelRowsCommitWithoutWaitingForTheDisk() {
        // one connection for every step, so that a setting left on the session would show in the next
        // transaction; durable commits as the session default (the test server's default is not)
        DriverManagerDataSource migrated = (DriverManagerDataSource) ProjectionDatabase.createDataSource();
        DataSource dataSource = new SingleConnectionDataSource(
                migrated.getUrl() + "&options=-c%20synchronous_commit%3Don",
                migrated.getUsername(),
                migrated.getPassword(),
                true);
        ProjectionStore store = ProjectionStore.of(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        OffsetDateTime now = OffsetDateTime.parse("2026-06-15T10:00:00Z");

        String before = transaction.execute(status -> setting(jdbc));
        String writing = transaction.execute(status -> {
            store.write(LINE, "P", "L-1", now, now);
            return setting(jdbc);
        });
        String after = transaction.execute(status -> setting(jdbc));
        store.write(LINE, "P", "L-2", now, now);
        String unbound = setting(jdbc);

        assertThat(before).isEqualTo("on");
        assertThat(writing).isEqualTo("off");
        assertThat(after).isEqualTo("on");
        assertThat(unbound).isEqualTo("on");
        assertThat(jdbc.queryForList("SELECT line_id FROM budget_line ORDER BY line_id", String.class))
                .containsExactly("L-1", "L-2");
    }

    private static String setting(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT current_setting('synchronous_commit')", String.class);
    }
}
