package io.governanceledger.ledger;

import static io.governanceledger.support.eventstore.EventStoreAutoConfiguration.EVENT_STORE_SCHEMA;

import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import io.governanceledger.support.eventstore.EventStoreSchema;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The ledger over the event store's tables: its order, chain, checkpoints and verification, and the
 * source processors read from. Off in the reduced mode, where Axon Server holds the events
 * ({@code axon.axonserver.enabled=true}).
 */
@AutoConfiguration(after = EventStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class LedgerAutoConfiguration {

    /** Tells readers that events were sealed into the ledger order. */
    @Bean
    public AppendNotifications sealedNotifications(DataSource dataSource) {
        return new AppendNotifications(dataSource, AppendNotifications.SEALED);
    }

    @Bean
    public LedgerReader ledgerReader(
            DataSource dataSource, Serializer serializer, org.axonframework.config.Configuration configuration) {
        return new LedgerReader(dataSource, EVENT_STORE_SCHEMA, serializer, configuration.upcasterChain());
    }

    /**
     * Gives appended events their place in the ledger order; woken after every commit that appended
     * events in this process ({@link SealAfterCommit}), and every {@code ledger.sealer.safety-interval-ms}
     * for appends of other processes. Every process runs one unless {@code ledger.sealer.enabled=false};
     * they take turns on the ledger head.
     */
    @Bean
    public LedgerSealer ledgerSealer(
            DataSource dataSource,
            EventStoreSchema eventStoreSchema,
            @Value("${ledger.sealer.enabled:true}") boolean enabled,
            @Value("${ledger.sealer.batch-size:1000}") int batchSize,
            @Value("${ledger.sealer.safety-interval-ms:1000}") long safetyIntervalMs) {
        eventStoreSchema.migrate();
        LedgerSealer sealer = new LedgerSealer(
                dataSource, EVENT_STORE_SCHEMA, batchSize, Duration.ofMillis(safetyIntervalMs), enabled);
        return sealer;
    }

    @Bean
    public SealAfterCommit sealAfterCommit(EventBus eventBus, LedgerSealer sealer) {
        return new SealAfterCommit(eventBus, sealer);
    }

    /**
     * The source processors read from: name it as {@code axon.eventhandling.processors.<name>.source}.
     * The safety poll only matters if a notification is lost.
     */
    @Bean
    public LedgerEventSource ledgerEventSource(
            LedgerReader reader,
            @Qualifier("sealedNotifications") AppendNotifications notifications,
            @Value("${ledger.event-store.safety-poll-ms:2000}") long safetyPollMs,
            @Value("${ledger.event-store.read-batch-size:1000}") int batchSize) {
        return new LedgerEventSource(reader, notifications, Duration.ofMillis(safetyPollMs), batchSize);
    }

    /** Signs checkpoints of the chain head; only where the private key is ({@code ledger.checkpoints.enabled}). */
    @Bean
    @ConditionalOnProperty(name = "ledger.checkpoints.enabled", havingValue = "true")
    public LedgerCheckpointer ledgerCheckpointer(
            DataSource dataSource,
            EventStoreSchema eventStoreSchema,
            @Value("${ledger.signing.private-key-file}") Path privateKey,
            @Value("${ledger.signing.public-key-file}") Path publicKey,
            @Value("${ledger.checkpoints.every-events}") long everyEvents,
            @Value("${ledger.checkpoints.interval}") Duration interval) {
        eventStoreSchema.migrate();
        return new LedgerCheckpointer(
                dataSource,
                EVENT_STORE_SCHEMA,
                LedgerCheckpointer.signingKeys(dataSource, EVENT_STORE_SCHEMA, privateKey, publicKey),
                everyEvents,
                interval,
                privateKey.toAbsolutePath().getParent());
    }

    @Bean
    public LedgerVerifier ledgerVerifier(
            DataSource dataSource, @Value("${ledger.verification.max-unsigned:PT5M}") Duration maxUnsigned) {
        return new LedgerVerifier(dataSource, EVENT_STORE_SCHEMA, maxUnsigned);
    }
}
