package io.governanceledger.query.contracts;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.AmendmentProposal;
import io.governanceledger.events.contracts.AmendmentRejectedEvent;
import io.governanceledger.events.contracts.AuthorityKind;
import io.governanceledger.events.contracts.CallOffPlacedEvent;
import io.governanceledger.events.contracts.ContractAmendedEvent;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.ContractType;
import io.governanceledger.events.contracts.DeMinimisCounting;
import io.governanceledger.events.contracts.IndexValueRecordedEvent;
import io.governanceledger.events.contracts.IndexationClause;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.PublicationNoticeRecordedEvent;
import io.governanceledger.events.contracts.RenewalChoice;
import io.governanceledger.events.contracts.RenewalNoticeDueEvent;
import io.governanceledger.events.contracts.RenewalNoticeOverdueEvent;
import io.governanceledger.events.contracts.RenewalNoticeRecordedEvent;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractProjectionTest {

    private static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC")), ZoneId.of("Europe/Brussels"));
    private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");
    private static final ContractTerms TERMS = new ContractTerms(
            "FC-1",
            "Framework",
            "Acme",
            ContractRegime.CLASSIC,
            ContractType.SERVICES,
            AuthorityKind.CENTRAL,
            new BigDecimal("1000000.00"),
            "EUR",
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2030, 1, 1),
            new IndexationClause("ABEX", new BigDecimal("100")),
            List.of(),
            90,
            DeMinimisCounting.NET_CUMULATIVE);

    private ContractProjection projection;
    private ContractQueries queries;
    private long position;

    @BeforeEach
    void setUp() {
        var store = ProjectionDatabase.create();
        var jdbc = store.jdbc();
        projection = new ContractProjection(store);
        queries = new ContractQueries(jdbc, CLOCK);
        ContractRegisteredEvent registered = new ContractRegisteredEvent("C1", "P", TERMS);
        // registered in June 2026, on record from the contract's start
        projection.on(
                registered, event(registered, "contracts", T, Instant.parse("2023-12-31T23:00:00Z")), at(++position));
    }

    private static EventMessage<?> message(Object payload) {
        return event(payload, "contracts", T, T);
    }

    private static AmendmentProposal proposal(LegalBasis basis, String delta, int months, LocalDate effective) {
        return new AmendmentProposal(
                basis, null, new BigDecimal(delta), months, "scope", List.of("x"), effective, effective, "DEC-1");
    }

    private void amended(
            int number, AmendmentProposal proposal, String valueAfter, LocalDate endAfter, boolean notice) {
        ContractAmendedEvent event = new ContractAmendedEvent(
                "C1",
                "P",
                "A" + number,
                number,
                proposal,
                new AmendmentFigures(new BigDecimal("1000000"), null, new BigDecimal("0.10"), null, null, null, null),
                new BigDecimal(valueAfter),
                endAfter,
                notice);
        EventMessage<?> message = message(event);
        long at = ++position;
        projection.on(event, message, at(at));
        projection.on(event, message, at(at)); // redelivered: changes nothing
    }

    private ContractView view(LocalDate asOf) {
        return queries.contract(new FindContractQuery("P", "C1", pointAt(AsOf.of(asOf), null)))
                .orElseThrow();
    }

    @Test
    void theViewFollowsEffectiveDatesAndKeepsRunningTotals() {
        amended(
                1,
                proposal(LegalBasis.DE_MINIMIS, "50000", 0, LocalDate.of(2025, 1, 1)),
                "1050000",
                LocalDate.of(2030, 1, 1),
                false);
        amended(
                2,
                proposal(LegalBasis.ADDITIONAL_WORKS, "300000", 6, LocalDate.of(2026, 3, 1)),
                "1350000",
                LocalDate.of(2030, 7, 1),
                true);
        amended(
                3,
                proposal(LegalBasis.DE_MINIMIS, "-20000", 0, LocalDate.of(2026, 4, 1)),
                "1330000",
                LocalDate.of(2030, 7, 1),
                false);
        AmendmentRejectedEvent rejected = new AmendmentRejectedEvent(
                "C1",
                "P",
                "R1",
                proposal(LegalBasis.DE_MINIMIS, "90000", 0, LocalDate.of(2026, 5, 1)),
                "de-minimis-share",
                "too much",
                null);
        projection.on(rejected, message(rejected), at(++position));
        IndexValueRecordedEvent index =
                new IndexValueRecordedEvent("C1", "P", "ABEX", new BigDecimal("105"), LocalDate.of(2026, 1, 1));
        projection.on(index, message(index), at(++position));
        CallOffPlacedEvent callOff = new CallOffPlacedEvent(
                "C1", "P", "CO1", "Call-off 1", new BigDecimal("400000"), LocalDate.of(2025, 6, 1));
        projection.on(callOff, message(callOff), at(++position));

        ContractView today = view(null);
        assertThat(today.currentValue()).isEqualByComparingTo("1330000");
        assertThat(today.endDate()).isEqualTo(LocalDate.of(2030, 7, 1));
        assertThat(today.amendments())
                .extracting(a -> a.valueAfter().toPlainString())
                .containsExactly("1050000.00", "1350000.00", "1330000.00");
        assertThat(today.referenceValue()).isEqualByComparingTo("1050000.00");
        assertThat(today.deMinimis().netCumulative()).isEqualByComparingTo("30000");
        assertThat(today.deMinimis().absoluteCumulative()).isEqualByComparingTo("70000");
        assertThat(today.deMinimis().netPercentOfReference()).isEqualByComparingTo("2.86");
        assertThat(today.deMinimis().limitPercent()).isEqualByComparingTo("10");
        assertThat(today.rejected()).extracting(a -> a.rule()).containsExactly("de-minimis-share");
        assertThat(today.outstandingPublicationNotices()).containsExactly(2);
        assertThat(today.remainingValue()).isEqualByComparingTo("930000");

        ContractView before = view(LocalDate.of(2025, 12, 31));
        assertThat(before.currentValue()).isEqualByComparingTo("1050000");
        assertThat(before.referenceValue()).isEqualByComparingTo("1000000.00"); // the 2026 index was not yet published
        assertThat(before.rejected()).isEmpty();
        assertThat(before.endDate()).isEqualTo(LocalDate.of(2030, 1, 1));

        PublicationNoticeRecordedEvent notice =
                new PublicationNoticeRecordedEvent("C1", "P", 2, "OJ S 1", LocalDate.of(2026, 3, 20));
        Instant noticeRecorded = Instant.parse("2026-06-10T08:00:00Z");
        projection.on(
                notice,
                event(notice, "contracts", noticeRecorded, Instant.parse("2026-03-19T23:00:00Z")),
                at(++position));
        assertThat(view(null).outstandingPublicationNotices()).isEmpty();
        assertThat(view(null).amendments().get(1).noticeReference()).isEqualTo("OJ S 1");
        ContractView beforeTheNotice = queries.contract(
                        new FindContractQuery("P", "C1", pointAt(null, noticeRecorded.minusSeconds(1))))
                .orElseThrow();
        assertThat(beforeTheNotice.outstandingPublicationNotices())
                .as("known before it was recorded")
                .containsExactly(2);
        assertThat(view(LocalDate.of(2026, 3, 19)).outstandingPublicationNotices())
                .as("before it was published")
                .containsExactly(2);
    }

    @Test
    void knownAtShowsTheContractAsItWasRecordedThen() {
        AmendmentProposal first = proposal(LegalBasis.DE_MINIMIS, "50000", 0, LocalDate.of(2025, 1, 1));
        ContractAmendedEvent one = new ContractAmendedEvent(
                "C1", "P", "A1", 1, first, null, new BigDecimal("1050000"), LocalDate.of(2030, 1, 1), false);
        projection.on(one, event(one, "contracts", Instant.parse("2026-06-02T08:00:00Z"), T), at(++position));
        // recorded later, effective earlier: a correction of the past
        AmendmentProposal second = proposal(LegalBasis.DE_MINIMIS, "20000", 0, LocalDate.of(2024, 6, 1));
        ContractAmendedEvent two = new ContractAmendedEvent(
                "C1", "P", "A2", 2, second, null, new BigDecimal("1070000"), LocalDate.of(2030, 1, 1), false);
        projection.on(two, event(two, "contracts", Instant.parse("2026-06-12T08:00:00Z"), T), at(++position));

        LocalDate endOf2025 = LocalDate.of(2025, 12, 31);
        assertThat(queries.contract(new FindContractQuery("P", "C1", pointAt(AsOf.of(endOf2025), null)))
                        .orElseThrow()
                        .currentValue())
                .isEqualByComparingTo("1070000");
        ContractView knownInJune = queries.contract(new FindContractQuery(
                        "P", "C1", pointAt(AsOf.of(endOf2025), Instant.parse("2026-06-05T00:00:00Z"))))
                .orElseThrow();
        assertThat(knownInJune.currentValue()).isEqualByComparingTo("1050000");
        assertThat(knownInJune.knownAt()).isEqualTo(Instant.parse("2026-06-05T00:00:00Z"));
        assertThat(queries.contract(new FindContractQuery(
                        "P", "C1", pointAt(AsOf.of(endOf2025), Instant.parse("2026-05-01T00:00:00Z")))))
                .isEmpty();
    }

    @Test
    void deadlineStatesComeFromTheEventsOfTheCurrentDeadline() {
        LocalDate deadline = LocalDate.of(2029, 10, 3); // 1 January 2030 minus 90 days
        assertThat(view(null).deadlines().renewalNoticeState())
                .isEqualTo(ContractDeadlinesView.RenewalNoticeState.UPCOMING);
        RenewalNoticeOverdueEvent overdue = new RenewalNoticeOverdueEvent("C1", "P", deadline);
        projection.on(overdue, message(overdue), at(++position));
        RenewalNoticeDueEvent due = new RenewalNoticeDueEvent("C1", "P", deadline);
        projection.on(due, message(due), at(++position)); // late "due" does not undo "overdue"
        assertThat(view(null).deadlines().renewalNoticeState())
                .isEqualTo(ContractDeadlinesView.RenewalNoticeState.OVERDUE);
        RenewalNoticeRecordedEvent sent = new RenewalNoticeRecordedEvent(
                "C1", "P", RenewalChoice.RENEW, LocalDate.of(2029, 10, 10), deadline, true);
        projection.on(sent, message(sent), at(++position));
        assertThat(view(null).deadlines().renewalNoticeState())
                .isEqualTo(ContractDeadlinesView.RenewalNoticeState.RECORDED);
        assertThat(view(null).deadlines().renewalChoice()).isEqualTo(RenewalChoice.RENEW);
        // a longer term moves the deadline: the old deadline's state no longer applies
        amended(
                1,
                proposal(LegalBasis.NON_SUBSTANTIAL, "0", 12, LocalDate.of(2026, 5, 1)),
                "1000000",
                LocalDate.of(2031, 1, 1),
                false);
        assertThat(view(null).deadlines().renewalNoticeDeadline()).isEqualTo(LocalDate.of(2030, 10, 3));
        assertThat(view(null).deadlines().renewalNoticeState())
                .isEqualTo(ContractDeadlinesView.RenewalNoticeState.UPCOMING);
    }

    /** The point a request with these {@code asOf} and {@code knownAt} (null: absent) answers for. */
    private static PointInTime pointAt(AsOf asOf, Instant knownAt) {
        return PointInTime.of(asOf, knownAt, CLOCK);
    }
}
