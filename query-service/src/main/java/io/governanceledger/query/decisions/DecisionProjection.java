package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDeferredEvent;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRejectedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.support.messaging.LedgerSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Keeps {@code projections.decision} and {@code projections.decision_event}. History rows are keyed
 * by event id and decision rows change only for events newer than their last position, so
 * redelivery and replay are harmless.
 */
@Component
@ProcessingGroup("decisions")
class DecisionProjection {

    private final JdbcClient jdbc;

    DecisionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DecisionRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        var details = event.details();
        jdbc.sql("""
                 INSERT INTO decision (decision_id, program_id, title, status, deciding_body, meeting_date, decided_on,
                                       effective_from, chosen_option, supersedes, details, recorded_at, last_changed_at,
                                       last_position)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?)
                 ON CONFLICT (decision_id) DO NOTHING
                 """)
            .params(event.decisionId(), event.programId(), details.title(), DecisionStatus.PROPOSED.name(),
                    details.decidingBody(), details.meetingDate(), details.decidedOn(), details.effectiveFrom(),
                    details.chosenOption(), event.supersedes(), LedgerSerializer.toJson(details),
                    recorded.recordedAtUtc(), recorded.recordedAtUtc(), recorded.position())
            .update();
        history(event.decisionId(), event.programId(), recorded);
    }

    @EventHandler
    void on(DecisionApprovedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 UPDATE decision SET status = ?, decided_on = ?, effective_from = ?, chosen_option = ?,
                                     deferred_until = NULL, last_changed_at = ?, last_position = ?
                 WHERE decision_id = ? AND last_position < ?
                 """)
            .params(DecisionStatus.APPROVED.name(), event.decidedOn(), event.effectiveFrom(), event.chosenOption(),
                    recorded.recordedAtUtc(), recorded.position(), event.decisionId(), recorded.position())
            .update();
        history(event.decisionId(), event.programId(), recorded);
    }

    @EventHandler
    void on(DecisionRejectedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        decided(event.decisionId(), DecisionStatus.REJECTED, event.decidedOn(), null, recorded);
        history(event.decisionId(), event.programId(), recorded);
    }

    @EventHandler
    void on(DecisionDeferredEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        decided(event.decisionId(), DecisionStatus.DEFERRED, event.decidedOn(), event.deferredUntil(), recorded);
        history(event.decisionId(), event.programId(), recorded);
    }

    @EventHandler
    void on(DecisionSupersededEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 UPDATE decision SET status = ?, superseded_by = ?, last_changed_at = ?, last_position = ?
                 WHERE decision_id = ? AND last_position < ?
                 """)
            .params(DecisionStatus.SUPERSEDED.name(), event.supersededBy(), recorded.recordedAtUtc(),
                    recorded.position(), event.decisionId(), recorded.position())
            .update();
        history(event.decisionId(), event.programId(), recorded);
    }

    @EventHandler
    void on(DecisionRevokedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 UPDATE decision SET status = ?, revoked_on = ?, last_changed_at = ?, last_position = ?
                 WHERE decision_id = ? AND last_position < ?
                 """)
            .params(DecisionStatus.REVOKED.name(), event.revokedOn(), recorded.recordedAtUtc(), recorded.position(),
                    event.decisionId(), recorded.position())
            .update();
        history(event.decisionId(), event.programId(), recorded);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM decision_event").update();
        jdbc.sql("DELETE FROM decision").update();
    }

    /** Rejection and deferral record the date of the meeting that took them; a deferral may name a date. */
    private void decided(String decisionId, DecisionStatus status, LocalDate decidedOn, LocalDate deferredUntil,
                         RecordedEvent recorded) {
        jdbc.sql("""
                 UPDATE decision SET status = ?, decided_on = ?, deferred_until = ?, last_changed_at = ?,
                                     last_position = ?
                 WHERE decision_id = ? AND last_position < ?
                 """)
            .params(status.name(), decidedOn, deferredUntil, recorded.recordedAtUtc(), recorded.position(), decisionId,
                    recorded.position())
            .update();
    }

    private void history(String decisionId, String programId, RecordedEvent recorded) {
        jdbc.sql("""
                 INSERT INTO decision_event (event_id, position, decision_id, program_id, event_type, actor,
                                             recorded_at, effective_at, reason, correlation_id, causation_id, payload)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
                 ON CONFLICT (event_id) DO NOTHING
                 """)
            .params(recorded.eventId(), recorded.position(), decisionId, programId, recorded.eventType(),
                    recorded.actor(), recorded.recordedAtUtc(), recorded.effectiveAtUtc(), recorded.reason(),
                    recorded.correlationId(), recorded.causationId(), recorded.payloadJson())
            .update();
    }
}
