package io.governanceledger.query;

import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.query.timeline.ProjectionStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with the query service's tables, for projection tests that feed events straight
 * into a projection and read the result back through its query handler.
 */
public final class ProjectionDatabase {

    private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.startFresh();
    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(POSTGRES::close));
    }

    private ProjectionDatabase() {}

    /** The projections' store over the new database; {@code store.jdbc()} reads it. */
    public static ProjectionStore create() {
        return ProjectionStore.of(createDataSource());
    }

    /** A new database with the read models' tables, connected in schema {@code projections}. */
    public static DataSource createDataSource() {
        String url = POSTGRES.newDatabase("projection_" + COUNT.incrementAndGet());
        Flyway.configure()
                .dataSource(dataSource(url))
                .schemas("projections")
                .defaultSchema("projections")
                .locations("classpath:db/projections")
                .load()
                .migrate();
        return dataSource(url + "?currentSchema=projections");
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** An event as the store would deliver it: with audit metadata, a timestamp and an id. */
    public static EventMessage<?> event(Object payload, String actor, Instant recordedAt, Instant effectiveAt) {
        return new GenericEventMessage<>(
                UUID.randomUUID().toString(),
                payload,
                Map.of(
                        "actor",
                        actor,
                        "effectiveAt",
                        effectiveAt.toString(),
                        "reason",
                        "test",
                        "correlationId",
                        "c-1",
                        "causationId",
                        "m-1",
                        "programId",
                        "P"),
                recordedAt);
    }

    public static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
