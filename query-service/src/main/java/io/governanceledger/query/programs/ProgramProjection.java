package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.history.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code projections.program}. Each change applies only if its event is newer than the row's
 * last position, so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup("programs")
class ProgramProjection {

    private final JdbcClient jdbc;

    ProgramProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgramCreatedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO program (program_id, name, sponsor, start_date, planned_end_date, currency, status,
                                      created_at, last_changed_at, last_position)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (program_id) DO NOTHING
                 """)
            .params(event.programId(), event.name(), event.sponsor(), event.startDate(), event.plannedEndDate(),
                    event.currency(), ProgramStatus.ACTIVE.name(), recorded.recordedAtUtc(), recorded.recordedAtUtc(),
                    recorded.position())
            .update();
    }

    @EventHandler
    void on(ProgramRenamedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 UPDATE program SET name = ?, last_changed_at = ?, last_position = ?
                 WHERE program_id = ? AND last_position < ?
                 """)
            .params(event.name(), recorded.recordedAtUtc(), recorded.position(), event.programId(), recorded.position())
            .update();
    }

    @EventHandler
    void on(ProgramClosedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 UPDATE program SET status = ?, closed_on = ?, last_changed_at = ?, last_position = ?
                 WHERE program_id = ? AND last_position < ?
                 """)
            .params(ProgramStatus.CLOSED.name(), event.closedOn(), recorded.recordedAtUtc(), recorded.position(),
                    event.programId(), recorded.position())
            .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM program").update();
    }
}
