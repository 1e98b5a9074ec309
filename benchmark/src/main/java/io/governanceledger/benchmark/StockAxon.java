package io.governanceledger.benchmark;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Baseline (a): Axon 4.13 as it comes, on the same PostgreSQL, in its own database with the same
 * event table layout: the JDBC event storage engine, the Spring transaction manager, Jackson, the
 * simple command bus, an event-sourced aggregate with no snapshots and no cache, a tracking
 * processor with default settings. Built with Axon's own configurer: no code of ours in the path.
 */
final class StockAxon implements AutoCloseable {

    private final JdbcEventStorageEngine engine;
    private final Configuration configuration;
    private final Map<String, Long> arrivals;

    /** @param withLagProcessor whether a default tracking processor reads the store (for the lag baseline) */
    private StockAxon(DataSource dataSource, boolean withLagProcessor, Map<String, Long> arrivals) {
        this.arrivals = arrivals;
        SpringTransactionManager transactions =
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        PersistenceExceptionResolver duplicates = exception ->
                exception.getMessage() != null && exception.getMessage().contains("duplicate key");
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(duplicates)
                .build();
        // no modules found on the classpath: the Axon Server connector stays out, as stock JDBC users have it
        DefaultConfigurer configurer = (DefaultConfigurer) DefaultConfigurer.defaultConfiguration(false);
        configurer
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureEventStore(
                        c -> EmbeddedEventStore.builder().storageEngine(engine).build())
                .configureAggregate(StockRecord.class);
        if (withLagProcessor) {
            configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor("stock-lag")
                    .registerTokenStore("stock-lag", c -> new InMemoryTokenStore())
                    .registerEventHandler(c -> new LagHandler(arrivals)));
        }
        this.configuration = configurer.buildConfiguration();
        this.configuration.start();
    }

    /** The writer: commands in, events appended. */
    static StockAxon writer(DataSource dataSource) {
        return new StockAxon(dataSource, false, new ConcurrentHashMap<>());
    }

    /** A reader in another "process": its own event store instance, so it only finds new events by polling. */
    static StockAxon reader(DataSource dataSource) {
        return new StockAxon(dataSource, true, new ConcurrentHashMap<>());
    }

    static void createSchema(DataSource dataSource) {
        writer(dataSource).createTables();
    }

    private void createTables() {
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        close();
    }

    CommandGateway commands() {
        return configuration.commandGateway();
    }

    /** When the lag processor saw the event of record {@code id} (System.nanoTime), or null. */
    Long arrival(String id) {
        return arrivals.get(id);
    }

    /** Appends {@code count} events to record {@code id} directly (sequence 1..count), to give it a long history. */
    void appendHistory(String id, int count, String body) {
        for (int from = 1; from <= count; from += 1000) {
            List<GenericDomainEventMessage<?>> events = new ArrayList<>();
            for (int sequence = from; sequence < Math.min(count + 1, from + 1000); sequence++) {
                events.add(
                        new GenericDomainEventMessage<>("StockRecord", id, sequence, new Happened(id, body, sequence)));
            }
            configuration
                    .getComponent(org.axonframework.common.transaction.TransactionManager.class)
                    .executeInTransaction(() -> engine.appendEvents(events));
        }
    }

    @Override
    public void close() {
        configuration.shutdown();
    }

    public record Create(@TargetAggregateIdentifier String id, String body) {}

    public record Change(@TargetAggregateIdentifier String id, String body) {}

    public record Happened(String id, String body, long sequence) {}

    /** An aggregate as Axon's guide writes one: event sourced, state rebuilt from every event. */
    public static class StockRecord {

        @AggregateIdentifier
        private String id;

        private long sequence;

        public StockRecord() {}

        @CommandHandler
        public StockRecord(Create command) {
            apply(new Happened(command.id(), command.body(), 0));
        }

        @CommandHandler
        public void handle(Change command) {
            apply(new Happened(id, command.body(), sequence + 1));
        }

        @EventSourcingHandler
        void on(Happened event) {
            this.id = event.id();
            this.sequence = event.sequence();
        }
    }

    @ProcessingGroup("stock-lag")
    static final class LagHandler {

        private final Map<String, Long> arrivals;

        LagHandler(Map<String, Long> arrivals) {
            this.arrivals = arrivals;
        }

        @EventHandler
        void on(Happened event) {
            arrivals.putIfAbsent(event.id(), System.nanoTime());
        }
    }
}
