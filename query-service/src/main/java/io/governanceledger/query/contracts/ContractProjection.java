package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.AmendmentRejectedEvent;
import io.governanceledger.events.contracts.CallOffPlacedEvent;
import io.governanceledger.events.contracts.ContractAmendedEvent;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.ContractTermEndedEvent;
import io.governanceledger.events.contracts.RenewalNoticeDueEvent;
import io.governanceledger.events.contracts.RenewalNoticeOverdueEvent;
import io.governanceledger.events.contracts.RenewalNoticeRecordedEvent;
import io.governanceledger.events.contracts.IndexValueRecordedEvent;
import io.governanceledger.events.contracts.PublicationNoticeRecordedEvent;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.support.messaging.LedgerSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the contract tables; every write is keyed by its record's id, so redelivery changes nothing. */
@Component
@ProcessingGroup("contracts")
class ContractProjection {

    private final JdbcClient jdbc;

    ContractProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContractRegisteredEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO contract (contract_id, program_id, terms, reference, registered_at, existing_from)
                 VALUES (?, ?, CAST(? AS JSONB), ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.contractId(), event.programId(), LedgerSerializer.toJson(event.terms()),
                    event.terms().reference(), recorded.recordedAtUtc(), recorded.effectiveAtUtc())
            .update();
    }

    @EventHandler
    void on(IndexValueRecordedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("INSERT INTO contract_index_value (contract_id, value_date, value, recorded_at) VALUES (?, ?, ?, ?) "
                         + "ON CONFLICT DO NOTHING")
            .params(event.contractId(), event.valueDate(), event.value(), recorded.recordedAtUtc()).update();
    }

    @EventHandler
    void on(ContractAmendedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO contract_amendment (amendment_id, contract_id, status, number, proposal, figures,
                                                 effective_from, value_after, end_date_after, publication_required,
                                                 recorded_at, position)
                 VALUES (?, ?, 'ACCEPTED', ?, CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.amendmentId(), event.contractId(), event.number(), LedgerSerializer.toJson(event.proposal()),
                    LedgerSerializer.toJson(event.figures()), event.proposal().effectiveFrom(), event.valueAfter(),
                    event.endDateAfter(), event.publicationRequired(), recorded.recordedAtUtc(), recorded.position())
            .update();
    }

    @EventHandler
    void on(AmendmentRejectedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("""
                 INSERT INTO contract_amendment (amendment_id, contract_id, status, proposal, figures, effective_from,
                                                 rule, explanation, recorded_at, position)
                 VALUES (?, ?, 'REJECTED', CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                 """)
            .params(event.amendmentId(), event.contractId(), LedgerSerializer.toJson(event.proposal()),
                    LedgerSerializer.toJson(event.figures()), event.proposal().effectiveFrom(), event.rule(),
                    event.explanation(), recorded.recordedAtUtc(), recorded.position())
            .update();
    }

    @EventHandler
    void on(PublicationNoticeRecordedEvent event) {
        jdbc.sql("""
                 UPDATE contract_amendment SET notice_reference = ?, notice_published_on = ?
                 WHERE contract_id = ? AND number = ?
                 """)
            .params(event.noticeReference(), event.publishedOn(), event.contractId(), event.amendmentNumber()).update();
    }

    @EventHandler
    void on(CallOffPlacedEvent event, EventMessage<?> message, TrackingToken token) {
        RecordedEvent recorded = RecordedEvent.of(message, token);
        jdbc.sql("INSERT INTO contract_call_off (call_off_id, contract_id, reference, value, placed_on, recorded_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(event.callOffId(), event.contractId(), event.reference(), event.value(), event.placedOn(),
                    recorded.recordedAtUtc()).update();
    }

    @EventHandler
    void on(RenewalNoticeDueEvent event) {
        renewalState(event.contractId(), "DUE", event.deadline());
    }

    @EventHandler
    void on(RenewalNoticeOverdueEvent event) {
        renewalState(event.contractId(), "OVERDUE", event.deadline());
    }

    @EventHandler
    void on(RenewalNoticeRecordedEvent event) {
        jdbc.sql("UPDATE contract SET renewal_notice_state = 'RECORDED', renewal_choice = ?, renewal_notice_sent_on = ?, "
                         + "renewal_notice_deadline = ? WHERE contract_id = ?")
            .params(event.choice().name(), event.sentOn(), event.deadline(), event.contractId()).update();
    }

    @EventHandler
    void on(ContractTermEndedEvent event) {
        jdbc.sql("UPDATE contract SET term_ended_on = ? WHERE contract_id = ?")
            .params(event.endDate(), event.contractId()).update();
    }

    /** A warning for a deadline that already has its notice, or is already overdue, changes nothing. */
    private void renewalState(String contractId, String state, java.time.LocalDate deadline) {
        jdbc.sql("UPDATE contract SET renewal_notice_state = ?, renewal_notice_deadline = ? WHERE contract_id = ? "
                         + "AND (renewal_notice_state IS NULL OR renewal_notice_deadline <> ? "
                         + "OR renewal_notice_state NOT IN ('RECORDED', 'OVERDUE'))")
            .params(state, deadline, contractId, deadline).update();
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"contract_call_off", "contract_index_value", "contract_amendment", "contract"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
