package io.governanceledger.command.access;

import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.events.access.DeputyAppointedEvent;
import io.governanceledger.events.access.DeputyAppointmentRevokedEvent;
import io.governanceledger.support.access.GrantDecider;
import io.governanceledger.support.access.GrantTable;
import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import io.governanceledger.support.eventstore.EventStreams;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code command.access_grant} and {@code access_revocation} in the transaction that records
 * the grant's events (processor "access-grants" is subscribing), and answers every request's access
 * check from them: a write is checked against every grant and revocation recorded before it. At start,
 * before the service takes requests, the tables are rebuilt from the ledger's access events, so a
 * restored ledger, or rows edited by hand, never decide what anyone may do.
 */
@Component
@ProcessingGroup(GrantRecords.PROCESSOR)
public class GrantRecords extends GrantDecider implements SmartInitializingSingleton {

    static final String PROCESSOR = "access-grants";

    private static final Logger log = LoggerFactory.getLogger(GrantRecords.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer = LedgerSerializer.create();

    private static final List<String> ACCESS_EVENTS = List.of(
            AccessGrantedEvent.class.getName(),
            AccessRevokedEvent.class.getName(),
            DeputyAppointedEvent.class.getName(),
            DeputyAppointmentRevokedEvent.class.getName());

    private final ObjectProvider<EventStore> eventStore;
    private final boolean axonServer;

    GrantRecords(
            JdbcClient jdbc,
            BusinessClock clock,
            PlatformTransactionManager transactions,
            ObjectProvider<EventStore> eventStore,
            @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        super(new GrantTable(jdbc, "command."), clock);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.axonServer = axonServer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int events = transactions.execute(status -> {
            grants.clear();
            List<EventMessage<?>> recorded = axonServer ? fromEventStore() : fromLedgerTables();
            recorded.forEach(grants::record);
            return recorded.size();
        });
        log.info("Access grants rebuilt from the ledger: {} grant and revocation events", events);
    }

    /** The access events in PostgreSQL's event table, through their index (V10): a read of those events only. */
    private List<EventMessage<?>> fromLedgerTables() {
        return jdbc.sql("SELECT event_identifier, meta_data, payload, payload_type, payload_revision, time_stamp FROM "
                        + EventStoreAutoConfiguration.EVENT_STORE_SCHEMA
                        + ".domain_event_entry WHERE payload_type IN (:types) ORDER BY global_index")
                .param("types", ACCESS_EVENTS)
                .query(this::eventOf)
                .list();
    }

    private EventMessage<?> eventOf(ResultSet row, int rowNumber) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                row.getBytes("payload"),
                byte[].class,
                row.getString("payload_type"),
                row.getString("payload_revision")));
        MetaData metaData = serializer.deserialize(new SerializedMetaData<>(row.getBytes("meta_data"), byte[].class));
        return new GenericEventMessage<>(
                row.getString("event_identifier"), payload, metaData, Instant.parse(row.getString("time_stamp")));
    }

    /**
     * In the Axon Server mode the events are only there: read the whole stream up to the head as it is
     * now, keep the access events; a stream that stops short fails the start rather than leave grants out.
     */
    private List<EventMessage<?>> fromEventStore() {
        return EventStreams.toHead(
                eventStore.getObject(),
                type -> ACCESS_EVENTS.contains(type.getName()),
                "the access grants (the service does not start with part of them)");
    }

    @EventHandler
    void on(AccessGrantedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @EventHandler
    void on(AccessRevokedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @EventHandler
    void on(DeputyAppointedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @EventHandler
    void on(DeputyAppointmentRevokedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    /** The principal of an appointment recorded on the program. */
    java.util.Optional<String> principalOf(String appointmentId, String programId) {
        return grants.principalOf(appointmentId, programId);
    }

    @Override
    public RuntimeException programHidden(String programId, HttpServletRequest request) {
        return RuleViolationException.notFound("unknown-program", "programId", "No program '" + programId + "'.");
    }

    /** Whether any grant was ever recorded. */
    boolean any() {
        return grants.any();
    }

    boolean exists(String grantId) {
        return grants.exists(grantId);
    }
}
