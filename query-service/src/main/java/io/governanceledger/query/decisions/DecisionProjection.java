package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDeferredEvent;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRejectedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code projections.decision_fact} (the decision history) and {@code decision_version}: every
 * event about a decision is kept once (a redelivered or replayed one changes nothing) and revises the
 * decision's versions.
 */
@Component
@ProcessingGroup("decisions")
class DecisionProjection {

    private final ProjectionStore store;
    private final DecisionVersions decisions;

    DecisionProjection(ProjectionStore store) {
        this.store = store;
        this.decisions = new DecisionVersions(store.jdbc());
    }

    @EventHandler
    void on(DecisionRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DecisionApprovedEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DecisionRejectedEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DecisionDeferredEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DecisionSupersededEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DecisionRevokedEvent event, EventMessage<?> message, TrackingToken token) {
        decisions.record(store, event.decisionId(), event.programId(), RecordedEvent.of(message, token));
    }

    @ResetHandler
    void reset() {
        store.jdbc().sql("DELETE FROM decision_version").update();
        store.jdbc().sql("DELETE FROM decision_fact").update();
    }
}
