package io.governanceledger.command.commandbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class LostRaceRetrySchedulerTest {

    @Test
    void onlyALostRaceIsRetried() {
        assertThat(LostRaceRetryScheduler.lostRace(new ConcurrencyException("sequence taken")))
                .isTrue();
        assertThat(LostRaceRetryScheduler.lostRace(new EventStoreException("wrapped", new ConcurrencyException("x"))))
                .isTrue();
        assertThat(LostRaceRetryScheduler.lostRace(RuleViolationException.conflict("insufficient-available", "no")))
                .isFalse();
        assertThat(LostRaceRetryScheduler.lostRace(new AggregateStreamCreationException("id taken")))
                .isFalse();
        assertThat(LostRaceRetryScheduler.lostRace(new IllegalStateException("after commit")))
                .isFalse();
    }
}
