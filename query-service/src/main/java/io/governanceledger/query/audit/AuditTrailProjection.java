package io.governanceledger.query.audit;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.changes.BaselineCapturedEvent;
import io.governanceledger.events.changes.TolerancesSetEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;

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
        {"movementId", "BUDGET_MOVEMENT"},
        {"delegationId", "DELEGATION"},
        {"lineId", "BUDGET_LINE"},
        {"amendmentId", "CONTRACT_AMENDMENT"},
        {"callOffId", "CALL_OFF"},
        {"contractId", "CONTRACT"},
        {"milestoneId", "MILESTONE"},
        {"itemId", "SCOPE_ITEM"},
        {"exceptionId", "EXCEPTION"},
        {"changeRequestId", "CHANGE_REQUEST"},
        {"decisionId", "DECISION"},
        {"grantId", "ACCESS_GRANT"},
        {"appointmentId", "DEPUTY_APPOINTMENT"},
        {"programId", "PROGRAM"}
    };

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
        store.write(
                """
                 INSERT INTO audit_event (position, event_id, event_type, event_revision, program_id, record_kind,
                                          record_id, aggregate_id, sequence_number, actor, actor_name, on_behalf_of,
                                          recorded_at, effective_at, reason, correlation_id, causation_id,
                                          client_address, payload)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
                 ON CONFLICT DO NOTHING
                 """,
                recorded.position(),
                recorded.eventId(),
                recorded.eventType(),
                revision == null ? 0 : Integer.parseInt(revision.value()),
                String.valueOf(programId),
                record[1],
                record[0],
                aggregateId,
                sequence,
                recorded.actor(),
                text(message.getMetaData().get(LedgerMetaData.ACTOR_NAME)),
                text(message.getMetaData().get(LedgerMetaData.ON_BEHALF_OF)),
                recorded.recordedAtUtc(),
                recorded.effectiveAtUtc(),
                recorded.reason(),
                recorded.correlationId(),
                recorded.causationId(),
                clientAddress == null ? null : clientAddress.toString(),
                recorded.payloadJson());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        store.jdbc().sql("DELETE FROM audit_event").update();
    }

    /** {record id, record kind} of an event payload. */
    static String[] recordOf(Object payload) {
        // records named by no id field of their own: a baseline by its number, the tolerances by the program
        if (payload instanceof BaselineCapturedEvent baseline) {
            return new String[] {"B" + baseline.number(), "BASELINE"};
        }
        if (payload instanceof TolerancesSetEvent) {
            return new String[] {"tolerances", "TOLERANCES"};
        }
        for (RecordField field : RECORD_FIELDS_OF.get(payload.getClass())) {
            try {
                Object value = field.accessor().invoke(payload);
                if (value != null) {
                    return new String[] {value.toString(), field.kind()};
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "cannot read " + field.accessor().getName() + " of " + payload.getClass(), e);
            }
        }
        return new String[] {"", "OTHER"};
    }

    /** A payload field that identifies a record, with the kind it names. */
    private record RecordField(Method accessor, String kind) {}

    /**
     * Per payload type, its fields that identify a record, most specific first: looked up once per type
     * (a record's components are built anew on every call to {@link Class#getRecordComponents()}).
     */
    private static final ClassValue<List<RecordField>> RECORD_FIELDS_OF = new ClassValue<>() {
        @Override
        protected List<RecordField> computeValue(Class<?> type) {
            List<RecordField> fields = new ArrayList<>();
            if (type.isRecord()) {
                for (String[] field : RECORD_FIELDS) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (component.getName().equals(field[0])) {
                            fields.add(new RecordField(component.getAccessor(), field[1]));
                        }
                    }
                }
            }
            return List.copyOf(fields);
        }
    };
}
