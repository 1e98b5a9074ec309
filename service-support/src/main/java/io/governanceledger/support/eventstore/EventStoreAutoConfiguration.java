package io.governanceledger.support.eventstore;

import io.governanceledger.events.decisions.DecisionApprovedEvent1to2Upcaster;
import io.governanceledger.events.decisions.DecisionRecordedEvent1to2Upcaster;
import io.governanceledger.support.messaging.LedgerCorrelationDataProvider;
import io.governanceledger.support.messaging.LedgerMetaDataInterceptor;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.time.BusinessClock;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires Axon to PostgreSQL explicitly. Axon 4.13's own JDBC auto-configuration is ordered against
 * Spring Boot 3 class names; on Spring Boot 4 it runs before the DataSource exists and Axon falls
 * back to a no-op transaction manager, so appends, tokens and projection rows would not share a
 * transaction. Ordering this configuration after Spring Boot's data source and transaction manager
 * and before Axon's fallbacks makes the Spring transaction manager the one Axon uses.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {
            JdbcAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            NoOpTransactionAutoConfiguration.class,
            AxonAutoConfiguration.class
        })
public class EventStoreAutoConfiguration {

    /** Schema holding the event store; the token table lives with the projections that own it. */
    public static final String EVENT_STORE_SCHEMA = "event_store";

    @Bean
    @ConditionalOnMissingBean
    public BusinessClock businessClock(@Value("${ledger.business-zone}") ZoneId zone) {
        return new BusinessClock(Clock.systemUTC(), zone);
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public EventStoreSchema eventStoreSchema(DataSource dataSource) {
        return new EventStoreSchema(dataSource, EVENT_STORE_SCHEMA);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return LedgerSerializer.create();
    }

    /** Upcasters of every changed event shape, so both services read every stored revision. */
    @Bean
    public DecisionRecordedEvent1to2Upcaster decisionRecordedEvent1to2Upcaster() {
        return new DecisionRecordedEvent1to2Upcaster();
    }

    @Bean
    public DecisionApprovedEvent1to2Upcaster decisionApprovedEvent1to2Upcaster() {
        return new DecisionApprovedEvent1to2Upcaster();
    }

    @Bean
    public CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    @Bean
    public InitializingBean ledgerMetaDataInterceptorRegistration(EventBus eventBus) {
        return () -> eventBus.registerDispatchInterceptor(new LedgerMetaDataInterceptor());
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_STORE_SCHEMA + ".domain_event_entry")
                .snapshotTable(EVENT_STORE_SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** PostgreSQL reports a unique violation by SQL state 23505, not by vendor error code. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EventStorageEngine eventStorageEngine(
            Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            EventStoreSchema eventStoreSchema) {
        eventStoreSchema.migrate();
        // no snapshot is taken, and a row planted in the snapshot table (outside the hash chain) must
        // never stand in for the events: the engine does not read that table
        return new SnapshotFreeEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
    }

    @Bean
    public TokenSchema tokenSchema(@Value("${ledger.token-table:projections.token_entry}") String tokenTable) {
        return TokenSchema.builder()
                .setTokenTable(tokenTable)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Segment claims name their owner. Axon's default ("pid@host") is shared by every instance in one
     * JVM, which would let two instances believe they both own a segment; a random suffix keeps each
     * instance distinct, and {@code ledger.node-id} names it explicitly.
     */
    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            @Value("${ledger.node-id:}") String nodeId) {
        String owner = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .nodeId(owner)
                .build();
    }
}
