package io.governanceledger.query.budget;

import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.query.history.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps the budget tables. Ledger legs are keyed by event and leg, approvals by movement and
 * approver, movements change only for newer events: redelivery and replay change nothing.
 */
@Component
@ProcessingGroup("budget")
class BudgetProjection {

    private final JdbcClient jdbc;
    private final ZoneId businessZone;

    BudgetProjection(JdbcClient jdbc, io.governanceledger.support.time.BusinessClock clock) {
        this.jdbc = jdbc;
        this.businessZone = clock.zone();
    }

    @EventHandler
    void on(BudgetLineOpenedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO budget_line (program_id, line_id, workstream, category, fiscal_year, currency, opened_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.programId(), event.lineId(), event.workstream(), event.category().name(), event.fiscalYear(),
                    event.currency(), recorded.recordedAtUtc())
            .update();
    }

    @EventHandler
    void on(DelegationGrantedEvent event) {
        jdbc.sql("""
                 INSERT INTO budget_delegation (delegation_id, program_id, holder, max_amount, currency, line_ids,
                                                categories, valid_from, valid_to, granted_by)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.delegationId(), event.programId(), event.holder(), event.maxAmount().amount(),
                    event.maxAmount().currency(), event.lineIds().toArray(String[]::new),
                    event.categories().stream().map(Enum::name).toArray(String[]::new), event.validFrom(),
                    event.validTo(), event.grantedBy())
            .update();
    }

    @EventHandler
    void on(DelegationRevokedEvent event) {
        jdbc.sql("UPDATE budget_delegation SET revoked = TRUE WHERE delegation_id = ? AND program_id = ?")
            .params(event.delegationId(), event.programId()).update();
    }

    @EventHandler
    void on(MovementRequestedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        insertMovement(event.movementId(), event.programId(), event.movement(), "PENDING", event.requestedBy(),
                       event.requiredApprovals(), event.expiresOn(), recorded);
    }

    @EventHandler
    void on(MovementApprovalGivenEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO budget_approval (movement_id, approver, delegation_id, approved_at, reason)
                 VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.movementId(), event.approver(), event.delegationId(), recorded.recordedAtUtc(),
                    recorded.reason())
            .update();
    }

    @EventHandler
    void on(MovementBookedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        // booked at once (within the requester's delegation): the movement row starts here
        insertMovement(event.movementId(), event.programId(), event.movement(), "BOOKED", event.requestedBy(), 0, null,
                       recorded);
        decide(event.movementId(), "BOOKED", null, recorded);
        LocalDate effectiveDate = recorded.effectiveAt().atZone(businessZone).toLocalDate();
        int leg = 0;
        for (LedgerEntry entry : event.entries()) {
            jdbc.sql("""
                     INSERT INTO budget_entry (event_id, leg, position, movement_id, program_id, line_id, measure, delta,
                                               effective_date, booked_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                     """)
                .params(recorded.eventId(), leg++, recorded.position(), event.movementId(), event.programId(),
                        entry.lineId(), entry.measure().name(), entry.delta(), effectiveDate, recorded.recordedAtUtc())
                .update();
        }
    }

    @EventHandler
    void on(MovementRefusedEvent event, EventMessage<?> message, TrackingToken token) {
        decide(event.movementId(), "REFUSED", event.refusedBy(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(MovementExpiredEvent event, EventMessage<?> message, TrackingToken token) {
        decide(event.movementId(), "EXPIRED", null, RecordedEvent.of(message, token));
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"budget_entry", "budget_approval", "budget_movement", "budget_delegation",
                "budget_line"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private void insertMovement(String movementId, String programId, BudgetMovement movement, String status,
                                String requestedBy, int requiredApprovals, LocalDate expiresOn, RecordedEvent recorded) {
        jdbc.sql("""
                 INSERT INTO budget_movement (movement_id, program_id, kind, status, line_id, to_line_id, amount, currency,
                                              reference, commitment_reference, authorising_reference, effective_date,
                                              description, reason, requested_by, requested_at, required_approvals,
                                              expires_on, last_position)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(movementId, programId, movement.kind().name(), status, movement.lineId(), movement.toLineId(),
                    movement.amount().amount(), movement.amount().currency(), movement.reference(),
                    movement.commitmentReference(), movement.authorisingReference(),
                    recorded.effectiveAt().atZone(businessZone).toLocalDate(), movement.description(), recorded.reason(),
                    requestedBy, recorded.recordedAtUtc(), requiredApprovals, expiresOn, recorded.position())
            .update();
    }

    private void decide(String movementId, String status, String refusedBy, RecordedEvent recorded) {
        jdbc.sql("""
                 UPDATE budget_movement SET status = ?, refused_by = ?, decided_at = ?, last_position = ?
                 WHERE movement_id = ? AND (last_position < ? OR (last_position = ? AND status <> ?))
                 """)
            .params(status, refusedBy, recorded.recordedAtUtc(), recorded.position(), movementId, recorded.position(),
                    recorded.position(), status)
            .update();
    }
}
