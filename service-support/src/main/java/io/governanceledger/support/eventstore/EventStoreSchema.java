package io.governanceledger.support.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the event store's tables with their own Flyway history, in their own schema.
 * Both services run it before touching the store; Flyway's lock makes concurrent runs safe, so
 * either service may start first. Each service's own tables have a separate history. The ledger
 * module's tables (its order, seal queue and checkpoints) are in the same history: its migrations sit
 * in the same location of its own jar, numbered among these.
 */
public class EventStoreSchema {

    private final DataSource dataSource;
    private final String schema;
    private volatile boolean migrated;

    public EventStoreSchema(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        migrated = true;
    }
}
