package io.governanceledger.command.commandbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.governanceledger.support.messaging.RuleViolationException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * A command decided on a record this service holds in its cache, while the store has more of that
 * record's events (another command service wrote), is not kept: accepted or refused, it becomes a
 * lost race, which rolls back and is retried.
 */
class StaleAggregatesTest {

    private final EventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final RefusalsKeepState interceptor = new RefusalsKeepState(eventStore);

    StaleAggregatesTest() {
        for (long sequence = 0; sequence <= 5; sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("Program", "P-1", sequence, "event " + sequence));
        }
    }

    private Throwable handle(long loadedVersion, boolean refused) {
        UnitOfWork<CommandMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("c"));
        try {
            Aggregate<?> program = mock(Aggregate.class);
            when(program.identifierAsString()).thenReturn("P-1");
            when(program.version()).thenReturn(loadedVersion);
            Map<String, Aggregate<?>> loaded = new HashMap<>();
            loaded.put("P-1", program);
            unitOfWork.root().resources().put("EventSourcingRepository@1_AGGREGATES", loaded);
            return catchThrowable(() -> interceptor.handle(unitOfWork, () -> {
                if (refused) {
                    throw RuleViolationException.conflict("program-closed", "closed");
                }
                return "accepted";
            }));
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void anAcceptanceDecidedOnARecordBehindTheStoreIsALostRace() {
        assertThat(handle(3, false))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("version 3 here and 5");
        assertThat(LostRaceRetryScheduler.lostRace(handle(3, false))).isTrue();
    }

    @Test
    void aRefusalDecidedOnARecordBehindTheStoreIsALostRace() {
        assertThat(handle(4, true)).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void decisionsOnTheStoredStateAreKept() {
        assertThat(handle(5, false)).isNull();
        assertThat(handle(5, true)).isInstanceOf(RuleViolationException.class);
    }
}
