package io.governanceledger.support.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The JDBC event storage engine of a ledger that takes no snapshots: a record is always its events.
 * Axon's engine asks the snapshot table before it loads any aggregate (a filter rejecting every row
 * still left the query); this one does not ask. That is one query fewer for
 * every command on an existing record and for every check that a program is open, and a row planted in the snapshot
 * table, outside the hash chain, is not even read.
 */
public class SnapshotFreeEventStorageEngine extends JdbcEventStorageEngine {

    public SnapshotFreeEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("the ledger takes no snapshots: a record is its events");
    }
}
