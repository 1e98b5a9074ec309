package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code projections.program_fact} and {@code program_version}: every event about a program
 * is kept once (a redelivered or replayed one changes nothing) and revises the program's versions.
 */
@Component
@ProcessingGroup("programs")
class ProgramProjection {

    private final ProjectionStore store;
    private final ProgramVersions programs;

    ProgramProjection(ProjectionStore store) {
        this.store = store;
        this.programs = new ProgramVersions(store.jdbc());
    }

    @EventHandler
    void on(ProgramCreatedEvent event, EventMessage<?> message, TrackingToken token) {
        programs.record(store, event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(ProgramRenamedEvent event, EventMessage<?> message, TrackingToken token) {
        programs.record(store, event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(ProgramClosedEvent event, EventMessage<?> message, TrackingToken token) {
        programs.record(store, event.programId(), RecordedEvent.of(message, token));
    }

    @ResetHandler
    void reset() {
        store.jdbc().sql("DELETE FROM program_version").update();
        store.jdbc().sql("DELETE FROM program_fact").update();
    }
}
