package io.governanceledger.query.budget;

import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Keeps the budget tables: lines, ledger legs (keyed by event and leg) and the facts and versions of
 * movements and delegations (keyed by record and position); redelivery and replay change nothing.
 */
@Component
@ProcessingGroup("budget")
class BudgetProjection {

    private final ProjectionStore store;
    private final ZoneId businessZone;
    private final BudgetRecords records;
    private final LineBalances balances;

    BudgetProjection(ProjectionStore store, io.governanceledger.support.time.BusinessClock clock) {
        this.store = store;
        this.businessZone = clock.zone();
        this.records = new BudgetRecords(store.jdbc(), clock.zone());
        this.balances = new LineBalances();
    }

    @EventHandler
    void on(BudgetLineOpenedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                """
                    INSERT INTO budget_line (program_id, line_id, workstream, category, fiscal_year, currency, opened_at,
                                             existing_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """,
                event.programId(),
                event.lineId(),
                event.workstream(),
                event.category().name(),
                event.fiscalYear(),
                event.currency(),
                recorded.recordedAtUtc(),
                recorded.effectiveAtUtc());
    }

    @EventHandler
    void on(DelegationGrantedEvent event, EventMessage<?> message, TrackingToken token) {
        records.delegations().record(store, event.delegationId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(DelegationRevokedEvent event, EventMessage<?> message, TrackingToken token) {
        records.delegations().record(store, event.delegationId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(MovementRequestedEvent event, EventMessage<?> message, TrackingToken token) {
        records.movements().record(store, event.movementId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(MovementApprovalGivenEvent event, EventMessage<?> message, TrackingToken token) {
        records.movements().record(store, event.movementId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(MovementBookedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        LocalDate effectiveDate = recorded.effectiveAt().atZone(businessZone).toLocalDate();
        // the legs and balances once, with the booking's first delivery
        records.movements().record(store, event.movementId(), event.programId(), recorded, () -> {
            int leg = 0;
            for (LedgerEntry entry : event.entries()) {
                store.write(
                        """
                            INSERT INTO budget_entry (event_id, leg, position, movement_id, program_id, line_id, measure,
                                                      delta, effective_date, booked_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                            """,
                        recorded.eventId(),
                        leg++,
                        recorded.position(),
                        event.movementId(),
                        event.programId(),
                        entry.lineId(),
                        entry.measure().name(),
                        entry.delta(),
                        effectiveDate,
                        recorded.recordedAtUtc());
            }
            balances.book(store, event.programId(), event.entries(), effectiveDate, recorded);
        });
    }

    @EventHandler
    void on(MovementRefusedEvent event, EventMessage<?> message, TrackingToken token) {
        records.movements().record(store, event.movementId(), event.programId(), RecordedEvent.of(message, token));
    }

    @EventHandler
    void on(MovementExpiredEvent event, EventMessage<?> message, TrackingToken token) {
        records.movements().record(store, event.movementId(), event.programId(), RecordedEvent.of(message, token));
    }

    @ResetHandler
    void reset() {
        for (String table : new String[] {
            "budget_entry",
            "line_balance",
            "movement_version",
            "movement_fact",
            "delegation_version",
            "delegation_fact",
            "budget_line"
        }) {
            store.jdbc().sql("DELETE FROM " + table).update();
        }
    }
}
