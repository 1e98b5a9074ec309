package io.governanceledger.query.audit;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.query.history.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import io.governanceledger.query.timeline.ProjectionStore;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;

/**
 * Writes every event, of any type, to {@code audit_event}, keyed by its global position. It names the
 * record an event belongs to from the event's own fields, most specific first (a movement rather than
 * its budget), so an auditor can ask for the history of one record.
 */
@Component
@ProcessingGroup("audit")
class AuditTrailProjection {

    /** Payload fields that identify a record, most specific first, with the kind they name. */
    private static final String[][] RECORD_FIELDS = {
            {"movementId", "BUDGET_MOVEMENT"}, {"delegationId", "DELEGATION"}, {"lineId", "BUDGET_LINE"},
            {"amendmentId", "CONTRACT_AMENDMENT"}, {"callOffId", "CALL_OFF"}, {"contractId", "CONTRACT"},
            {"decisionId", "DECISION"}, {"programId", "PROGRAM"}};

    private final ProjectionStore store;

    AuditTrailProjection(ProjectionStore store) {
        this.store = store;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        String[] record = recordOf(payload);
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        Object clientAddress = message.getMetaData().get(LedgerMetaData.CLIENT_ADDRESS);
        Object programId = message.getMetaData().get(LedgerMetaData.PROGRAM_ID);
        store.write("""
                 INSERT INTO audit_event (position, event_id, event_type, event_revision, program_id, record_kind,
                                          record_id, aggregate_id, sequence_number, actor, recorded_at, effective_at,
                                          reason, correlation_id, causation_id, client_address, payload)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
                 ON CONFLICT DO NOTHING
                 """,
                    recorded.position(), recorded.eventId(), recorded.eventType(),
                    revision == null ? 0 : Integer.parseInt(revision.value()), String.valueOf(programId), record[1],
                    record[0], aggregateId, sequence, recorded.actor(), recorded.recordedAtUtc(),
                    recorded.effectiveAtUtc(), recorded.reason(), recorded.correlationId(), recorded.causationId(),
                    clientAddress == null ? null : clientAddress.toString(), recorded.payloadJson());
    }

    @ResetHandler
    void reset() {
        store.jdbc().sql("DELETE FROM audit_event").update();
    }

    /** {record id, record kind} of an event payload. */
    static String[] recordOf(Object payload) {
        if (payload.getClass().isRecord()) {
            for (String[] field : RECORD_FIELDS) {
                for (RecordComponent component : payload.getClass().getRecordComponents()) {
                    if (component.getName().equals(field[0])) {
                        try {
                            Object value = component.getAccessor().invoke(payload);
                            if (value != null) {
                                return new String[]{value.toString(), field[1]};
                            }
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("cannot read " + field[0] + " of " + payload.getClass(), e);
                        }
                    }
                }
            }
        }
        return new String[]{"", "OTHER"};
    }
}
