package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.AmendmentRejectedEvent;
import io.governanceledger.events.contracts.CallOffPlacedEvent;
import io.governanceledger.events.contracts.ContractAmendedEvent;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.ContractTermEndedEvent;
import io.governanceledger.events.contracts.IndexValueRecordedEvent;
import io.governanceledger.events.contracts.PublicationNoticeRecordedEvent;
import io.governanceledger.events.contracts.RenewalNoticeDueEvent;
import io.governanceledger.events.contracts.RenewalNoticeOverdueEvent;
import io.governanceledger.events.contracts.RenewalNoticeRecordedEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import io.governanceledger.support.messaging.LedgerSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/** Keeps the contract tables; every write is keyed by its record's id, so redelivery changes nothing. */
@Component
@ProcessingGroup("contracts")
class ContractProjection {

    private final ProjectionStore store;

    ContractProjection(ProjectionStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ContractRegisteredEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                """
                 INSERT INTO contract (contract_id, program_id, terms, reference, registered_at, existing_from)
                 VALUES (?, ?, CAST(? AS JSONB), ?, ?, ?) ON CONFLICT DO NOTHING
                 """,
                event.contractId(),
                event.programId(),
                LedgerSerializer.toJson(event.terms()),
                event.terms().reference(),
                recorded.recordedAtUtc(),
                recorded.effectiveAtUtc());
    }

    @EventHandler
    void on(IndexValueRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                "INSERT INTO contract_index_value (contract_id, value_date, value, recorded_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.contractId(),
                event.valueDate(),
                event.value(),
                recorded.recordedAtUtc());
    }

    @EventHandler
    void on(ContractAmendedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                """
                 INSERT INTO contract_amendment (amendment_id, contract_id, status, number, proposal, figures,
                                                 effective_from, value_after, end_date_after, publication_required,
                                                 recorded_at, position)
                 VALUES (?, ?, 'ACCEPTED', ?, CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """,
                event.amendmentId(),
                event.contractId(),
                event.number(),
                LedgerSerializer.toJson(event.proposal()),
                LedgerSerializer.toJson(event.figures()),
                event.proposal().effectiveFrom(),
                event.valueAfter(),
                event.endDateAfter(),
                event.publicationRequired(),
                recorded.recordedAtUtc(),
                recorded.position());
    }

    @EventHandler
    void on(AmendmentRejectedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                """
                 INSERT INTO contract_amendment (amendment_id, contract_id, status, proposal, figures, effective_from,
                                                 rule, explanation, recorded_at, position)
                 VALUES (?, ?, 'REJECTED', CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """,
                event.amendmentId(),
                event.contractId(),
                LedgerSerializer.toJson(event.proposal()),
                LedgerSerializer.toJson(event.figures()),
                event.proposal().effectiveFrom(),
                event.rule(),
                event.explanation(),
                recorded.recordedAtUtc(),
                recorded.position());
    }

    @EventHandler
    void on(PublicationNoticeRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        deadlineFact(
                event.contractId(),
                "PUBLICATION_NOTICE",
                RecordedEvent.of(message, token),
                event.amendmentNumber(),
                event.noticeReference(),
                event.publishedOn(),
                null,
                null);
    }

    @EventHandler
    void on(CallOffPlacedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        store.write(
                "INSERT INTO contract_call_off (call_off_id, contract_id, reference, value, placed_on, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.callOffId(),
                event.contractId(),
                event.reference(),
                event.value(),
                event.placedOn(),
                recorded.recordedAtUtc());
    }

    @EventHandler
    void on(RenewalNoticeDueEvent event, EventMessage<?> message, TrackingToken token) {
        deadlineFact(
                event.contractId(), "DUE", RecordedEvent.of(message, token), null, null, null, event.deadline(), null);
    }

    @EventHandler
    void on(RenewalNoticeOverdueEvent event, EventMessage<?> message, TrackingToken token) {
        deadlineFact(
                event.contractId(),
                "OVERDUE",
                RecordedEvent.of(message, token),
                null,
                null,
                null,
                event.deadline(),
                null);
    }

    @EventHandler
    void on(RenewalNoticeRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        deadlineFact(
                event.contractId(),
                "RECORDED",
                RecordedEvent.of(message, token),
                null,
                null,
                event.sentOn(),
                event.deadline(),
                event.choice().name());
    }

    @EventHandler
    void on(ContractTermEndedEvent event, EventMessage<?> message, TrackingToken token) {
        deadlineFact(
                event.contractId(),
                "TERM_ENDED",
                RecordedEvent.of(message, token),
                null,
                null,
                event.endDate(),
                null,
                null);
    }

    /** Notices and deadline events as facts on both clocks; the view folds those of the point asked for. */
    private void deadlineFact(
            String contractId,
            String kind,
            RecordedEvent recorded,
            Integer amendmentNumber,
            String noticeReference,
            java.time.LocalDate dated,
            java.time.LocalDate deadline,
            String renewalChoice) {
        store.write(
                """
                 INSERT INTO contract_deadline_fact (contract_id, position, kind, recorded_at, effective_at,
                                                     amendment_number, notice_reference, dated, deadline, renewal_choice)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """,
                contractId,
                recorded.position(),
                kind,
                recorded.recordedAtUtc(),
                recorded.effectiveAtUtc(),
                amendmentNumber,
                noticeReference,
                dated,
                deadline,
                renewalChoice);
    }

    @ResetHandler
    void reset() {
        for (String table : new String[] {
            "contract_deadline_fact", "contract_call_off", "contract_index_value", "contract_amendment", "contract"
        }) {
            store.jdbc().sql("DELETE FROM " + table).update();
        }
    }
}
