package io.governanceledger.query.changes;

import io.governanceledger.events.changes.BaselineCapturedEvent;
import io.governanceledger.events.changes.ChangeAssessmentStartedEvent;
import io.governanceledger.events.changes.ChangeImplementationStartedEvent;
import io.governanceledger.events.changes.ChangeRequestAssessedEvent;
import io.governanceledger.events.changes.ChangeRequestAuthorityEndedEvent;
import io.governanceledger.events.changes.ChangeRequestClosedEvent;
import io.governanceledger.events.changes.ChangeRequestDecidedEvent;
import io.governanceledger.events.changes.ChangeRequestImplementedEvent;
import io.governanceledger.events.changes.ChangeRequestRaisedEvent;
import io.governanceledger.events.changes.ChangeRequestSubmittedEvent;
import io.governanceledger.events.changes.ChangeRequestWithdrawnEvent;
import io.governanceledger.events.changes.MilestoneAchievedEvent;
import io.governanceledger.events.changes.MilestoneDefinedEvent;
import io.governanceledger.events.changes.MilestoneDependencyAddedEvent;
import io.governanceledger.events.changes.MilestoneDependencyRemovedEvent;
import io.governanceledger.events.changes.MilestoneForecastChangedEvent;
import io.governanceledger.events.changes.ScopeItemAddedEvent;
import io.governanceledger.events.changes.ScopeItemRemovedEvent;
import io.governanceledger.events.changes.ToleranceExceptionDecidedEvent;
import io.governanceledger.events.changes.ToleranceExceptionRaisedEvent;
import io.governanceledger.events.changes.TolerancesSetEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Keeps the change-control tables: every event about a change request, a milestone, a baseline, an
 * exception or a program's plan is kept once as a fact of its record (a redelivered or replayed one
 * changes nothing) and revises that record's versions.
 */
@Component
@ProcessingGroup("changes")
class ChangeControlProjection {

    private final ProjectionStore store;
    private final ChangeRecords records;

    ChangeControlProjection(ProjectionStore store) {
        this.store = store;
        this.records = new ChangeRecords(store.jdbc());
    }

    @EventHandler
    void on(ChangeRequestRaisedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeAssessmentStartedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestAssessedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestSubmittedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestDecidedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestAuthorityEndedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestWithdrawnEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeImplementationStartedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestImplementedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(ChangeRequestClosedEvent event, EventMessage<?> message, TrackingToken token) {
        request(event.programId(), event.changeRequestId(), message, token);
    }

    @EventHandler
    void on(MilestoneDefinedEvent event, EventMessage<?> message, TrackingToken token) {
        milestone(event.programId(), event.milestoneId(), message, token);
    }

    @EventHandler
    void on(MilestoneForecastChangedEvent event, EventMessage<?> message, TrackingToken token) {
        milestone(event.programId(), event.milestoneId(), message, token);
    }

    @EventHandler
    void on(MilestoneAchievedEvent event, EventMessage<?> message, TrackingToken token) {
        milestone(event.programId(), event.milestoneId(), message, token);
    }

    @EventHandler
    void on(MilestoneDependencyAddedEvent event, EventMessage<?> message, TrackingToken token) {
        milestone(event.programId(), event.milestoneId(), message, token);
    }

    @EventHandler
    void on(MilestoneDependencyRemovedEvent event, EventMessage<?> message, TrackingToken token) {
        milestone(event.programId(), event.milestoneId(), message, token);
    }

    @EventHandler
    void on(ScopeItemAddedEvent event, EventMessage<?> message, TrackingToken token) {
        plan(event.programId(), message, token);
    }

    @EventHandler
    void on(ScopeItemRemovedEvent event, EventMessage<?> message, TrackingToken token) {
        plan(event.programId(), message, token);
    }

    @EventHandler
    void on(TolerancesSetEvent event, EventMessage<?> message, TrackingToken token) {
        plan(event.programId(), message, token);
    }

    @EventHandler
    void on(BaselineCapturedEvent event, EventMessage<?> message, TrackingToken token) {
        records.baselines.record(
                store,
                ChangeRecords.baselineId(event.programId(), event.number()),
                event.programId(),
                RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(ToleranceExceptionRaisedEvent event, EventMessage<?> message, TrackingToken token) {
        exception(event.programId(), event.exceptionId(), message, token);
    }

    @EventHandler
    void on(ToleranceExceptionDecidedEvent event, EventMessage<?> message, TrackingToken token) {
        exception(event.programId(), event.exceptionId(), message, token);
    }

    private void request(String programId, String changeRequestId, EventMessage<?> message, TrackingToken token) {
        records.requests.record(
                store, ChangeRecords.id(programId, changeRequestId), programId, RecordedEvent.of(message, token));
    }

    private void milestone(String programId, String milestoneId, EventMessage<?> message, TrackingToken token) {
        records.milestones.record(
                store, ChangeRecords.id(programId, milestoneId), programId, RecordedEvent.of(message, token));
    }

    private void exception(String programId, String exceptionId, EventMessage<?> message, TrackingToken token) {
        records.exceptions.record(
                store, ChangeRecords.id(programId, exceptionId), programId, RecordedEvent.of(message, token));
    }

    private void plan(String programId, EventMessage<?> message, TrackingToken token) {
        records.plans.record(store, programId, programId, RecordedEvent.of(message, token));
    }

    @ResetHandler
    void reset() {
        for (String kind :
                new String[] {"change_request", "milestone", "baseline", "tolerance_exception", "change_plan"}) {
            store.jdbc().sql("DELETE FROM " + kind + "_version").update();
            store.jdbc().sql("DELETE FROM " + kind + "_fact").update();
        }
    }
}
