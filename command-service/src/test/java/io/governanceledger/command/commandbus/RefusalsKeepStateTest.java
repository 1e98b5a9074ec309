package io.governanceledger.command.commandbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.governanceledger.support.messaging.RuleViolation;
import io.governanceledger.support.messaging.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class RefusalsKeepStateTest {

    private final RefusalsKeepState interceptor =
            new RefusalsKeepState(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                    .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine())
                    .build());

    private Throwable refuse(List<Object> stagedEvents) {
        UnitOfWork<CommandMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("c"));
        try {
            unitOfWork.resources().put("SimpleEventBus@1_EVENTS", stagedEvents);
            return catchThrowable(() -> interceptor.handle(unitOfWork, () -> {
                throw RuleViolationException.conflict("insufficient-available", "no money");
            }));
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aRefusalBeforeAnyEventKeepsTheUnitOfWorkAndItsCachedAggregate() {
        Throwable thrown = refuse(new ArrayList<>());
        assertThat(thrown).isInstanceOf(RuleViolationException.class);
        assertThat(RefusalsKeepState.ROLLBACK.rollBackOn(thrown)).isFalse();
    }

    @Test
    void aRefusalAfterEventsWereAppliedRollsBackWithTheSameViolation() {
        Throwable thrown = refuse(new ArrayList<>(List.of("an applied event")));
        assertThat(thrown).isNotInstanceOf(RuleViolationException.class).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) thrown).<RuleViolation>getDetails())
                .get()
                .extracting(RuleViolation::rule)
                .isEqualTo("insufficient-available");
        assertThat(RefusalsKeepState.ROLLBACK.rollBackOn(thrown)).isTrue();
    }

    @Test
    void everyOtherFailureRollsBack() {
        assertThat(RefusalsKeepState.ROLLBACK.rollBackOn(new IllegalStateException()))
                .isTrue();
        assertThat(RefusalsKeepState.ROLLBACK.rollBackOn(new OutOfMemoryError()))
                .isTrue();
        assertThat(RefusalsKeepState.ROLLBACK.rollBackOn(new Exception("checked")))
                .isFalse();
    }
}
