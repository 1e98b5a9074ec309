package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import io.governanceledger.support.eventstore.SnapshotFreeEventStorageEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event store's engine loads a record from its events alone and never reads the snapshot table. */
class SnapshotFreeEventStorageEngineTest {

    @RegisterExtension
    static final LedgerTestDatabase database = LedgerTestDatabase.emptiedBeforeEachTest();

    private final EventStorageEngine engine = new SnapshotFreeEventStorageEngine(JdbcEventStorageEngine.builder()
            .connectionProvider(database.dataSource::getConnection)
            .transactionManager(NoTransactionManager.INSTANCE)
            .schema(new EventStoreAutoConfiguration().eventSchema())
            .eventSerializer(JacksonSerializer.defaultSerializer())
            .snapshotSerializer(JacksonSerializer.defaultSerializer()));

    /** Record A has three events; a snapshot row claiming it stands at sequence 7 is planted beside them. */
    @BeforeEach
    void aRecordWithAPlantedSnapshot() throws SQLException {
        try (Connection connection = database.dataSource.getConnection()) {
            for (long sequence = 0; sequence < 3; sequence++) {
                LedgerTestDatabase.append(connection, "A", sequence);
            }
        }
        database.asOwner(
                "DELETE FROM event_store.snapshot_event_entry",
                "INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES ('A', 7, 'Test', 'planted', convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'),"
                        + " '1', 'TestEvent', '2026-01-01T00:00:00Z')");
    }

    @Test
    void aRecordIsItsEventsWhateverTheSnapshotTableHolds() {
        assertThat(engine.readSnapshot("A")).isEmpty();
        assertThat(sequenceNumbers("A")).containsExactly(0L, 1L, 2L);
    }

    /** Without the snapshot table, Axon's own engine fails to load any record; this one never asks for it. */
    @Test
    void theSnapshotTableIsNeverRead() throws SQLException {
        database.asOwner("ALTER TABLE event_store.snapshot_event_entry RENAME TO snapshot_event_entry_away");
        try {
            assertThat(engine.readSnapshot("A")).isEmpty();
            assertThat(sequenceNumbers("A")).containsExactly(0L, 1L, 2L);
        } finally {
            database.asOwner("ALTER TABLE event_store.snapshot_event_entry_away RENAME TO snapshot_event_entry");
        }
    }

    private List<Long> sequenceNumbers(String aggregate) {
        return engine.readEvents(aggregate)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .toList();
    }
}
