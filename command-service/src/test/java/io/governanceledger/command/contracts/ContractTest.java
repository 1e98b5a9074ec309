package io.governanceledger.command.contracts;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.invalid;
import static io.governanceledger.command.Violations.notFound;

import io.governanceledger.command.decisions.DecisionStanding;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.AmendmentProposal;
import io.governanceledger.events.contracts.AmendmentRejectedEvent;
import io.governanceledger.events.contracts.AuthorityKind;
import io.governanceledger.events.contracts.CallOffPlacedEvent;
import io.governanceledger.events.contracts.ContractAmendedEvent;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.ContractTermEndedEvent;
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
import io.governanceledger.events.contracts.ReviewClause;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractTest {

    private static final String P = "AIR-1";
    private static final String C = "CON-1";
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2039, 1, 1);
    private static final ContractTerms TERMS = new ContractTerms(
            "FC-2024-01",
            "Airport systems framework",
            "Acme",
            ContractRegime.CLASSIC,
            ContractType.SERVICES,
            AuthorityKind.CENTRAL,
            new BigDecimal("1000000.00"),
            "EUR",
            START,
            END,
            new IndexationClause("Agoria", new BigDecimal("100")),
            List.of(new ReviewClause("R1", "Volume review", new BigDecimal("200000"))),
            180,
            DeMinimisCounting.NET_CUMULATIVE);
    private static final ContractRegisteredEvent REGISTERED = new ContractRegisteredEvent(C, P, TERMS);

    private FixtureConfiguration<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((ProgramStanding) programId ->
                new ProgramStanding.ProgramFacts("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2039, 1, 1)));
        fixture.registerInjectableResource((DecisionStanding) (programId, decisionId, field) -> {
            if (!decisionId.startsWith("DEC-OK")) {
                throw RuleViolationException.invalid("approved-decision-required", field, "not approved");
            }
        });
        fixture.registerInjectableResource(AmendmentRulesTest.thresholds());
        fixture.registerInjectableResource(new ContractCalendar(30));
    }

    @Test
    void registrationSchedulesTheRenewalNoticeAndEndOfTermDeadlines() {
        // 180 days before 1 January 2039: the deadline is 5 July 2038
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(C, P, TERMS))
                .expectScheduledDeadlineWithName(CLOCK.startOf(LocalDate.of(2038, 6, 5)), Contract.NOTICE_DUE)
                .expectScheduledDeadlineWithName(CLOCK.startOf(LocalDate.of(2038, 7, 6)), Contract.NOTICE_OVERDUE)
                .expectScheduledDeadlineWithName(CLOCK.startOf(END), Contract.TERM_END);
    }

    @Test
    void theRenewalNoticeFallsDueThenOverdueAndTheTermEnds() {
        fixture.givenCommands(new RegisterContractCommand(C, P, TERMS))
                .whenThenTimeAdvancesTo(CLOCK.startOf(LocalDate.of(2039, 1, 2)))
                .expectEvents(
                        new RenewalNoticeDueEvent(C, P, LocalDate.of(2038, 7, 5)),
                        new RenewalNoticeOverdueEvent(C, P, LocalDate.of(2038, 7, 5)),
                        new ContractTermEndedEvent(C, P, END));
    }

    @Test
    void aRecordedNoticeSilencesTheOverdueWarning() {
        fixture.givenCommands(new RegisterContractCommand(C, P, TERMS))
                .andGivenCommands(new RecordRenewalNoticeCommand(C, P, RenewalChoice.RENEW, LocalDate.of(2026, 1, 10)))
                .whenThenTimeAdvancesTo(CLOCK.startOf(LocalDate.of(2038, 12, 1)))
                .expectEvents();
        fixture.given(
                        REGISTERED,
                        new RenewalNoticeRecordedEvent(
                                C, P, RenewalChoice.RENEW, LocalDate.of(2026, 1, 10), LocalDate.of(2038, 7, 5), false))
                .when(new RecordRenewalNoticeCommand(C, P, RenewalChoice.TERMINATE, LocalDate.of(2026, 2, 1)))
                .expectExceptionDetails(conflict("renewal-notice-recorded"));
    }

    @Test
    void aLongerTermMovesTheDeadlines() {
        fixture.givenCommands(
                        new RegisterContractCommand(C, P, TERMS),
                        new ProposeAmendmentCommand(C, P, "A-1", proposal(LegalBasis.NON_SUBSTANTIAL, null, "0", 12)))
                .whenThenTimeAdvancesTo(CLOCK.startOf(LocalDate.of(2039, 6, 10)))
                // the term now ends on 1 January 2040: no warning for the old deadline of 5 July 2038, the new
                // one (5 July 2039) is due from 5 June 2039
                .expectEvents(new RenewalNoticeDueEvent(C, P, LocalDate.of(2039, 7, 5)));
    }

    static AmendmentProposal proposal(LegalBasis basis, String clause, String delta, int months) {
        return new AmendmentProposal(
                basis,
                clause,
                new BigDecimal(delta),
                months,
                "Scope text",
                List.of("A. Peeters"),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1),
                "DEC-OK-1");
    }

    @Test
    void registersAContractInTheProgramsCurrency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(C, P, TERMS))
                .expectEvents(REGISTERED);
        ContractTerms dollars = new ContractTerms(
                "FC",
                "t",
                "s",
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.CENTRAL,
                BigDecimal.TEN,
                "USD",
                START,
                END,
                null,
                List.of(),
                0,
                DeMinimisCounting.NET_CUMULATIVE);
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(C, P, dollars))
                .expectExceptionDetails(invalid("currency-mismatch", "currency"));
        ContractTerms backwards = new ContractTerms(
                "FC",
                "t",
                "s",
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.CENTRAL,
                BigDecimal.TEN,
                "EUR",
                END,
                START,
                null,
                List.of(),
                0,
                DeMinimisCounting.NET_CUMULATIVE);
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(C, P, backwards))
                .expectExceptionDetails(invalid("end-after-start", "endDate"));
    }

    @Test
    void anAcceptedAmendmentIsNumberedAndChangesValueAndTerm() {
        AmendmentProposal review = proposal(LegalBasis.REVIEW_CLAUSE, "R1", "150000", 12);
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", review))
                .expectResultMessagePayload(AmendmentRuling.accepted())
                .expectEvents(new ContractAmendedEvent(
                        C,
                        P,
                        "A-1",
                        1,
                        review,
                        new AmendmentFigures(
                                new BigDecimal("1000000.00"),
                                new BigDecimal("140000"),
                                null,
                                new BigDecimal("200000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO),
                        new BigDecimal("1150000.00"),
                        END.plusMonths(12),
                        false));
    }

    @Test
    void anUnlawfulAmendmentIsRecordedAsRejectedWithItsRuleAndChangesNothing() {
        AmendmentProposal tooMuch = proposal(LegalBasis.DE_MINIMIS, null, "100000", 0);
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", tooMuch))
                .expectResultMessagePayload(AmendmentRuling.rejected("de-minimis-share"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(AmendmentRejectedEvent.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        // after the rejection the next accepted amendment is still number 1
        AmendmentProposal small = proposal(LegalBasis.DE_MINIMIS, null, "50000", 0);
        fixture.given(REGISTERED, new AmendmentRejectedEvent(C, P, "A-1", tooMuch, "de-minimis-share", "x", null))
                .when(new ProposeAmendmentCommand(C, P, "A-2", small))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                io.governanceledger.command.Violations.<ContractAmendedEvent>satisfies(
                                        "number 1", e -> e.number() == 1)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void theIndexedPriceIsTheReferenceValueFromTheIndexValueOfTheSigningDate() {
        AmendmentProposal dm = proposal(LegalBasis.DE_MINIMIS, null, "105000", 0);
        fixture.given(
                        REGISTERED,
                        new IndexValueRecordedEvent(C, P, "Agoria", new BigDecimal("110"), LocalDate.of(2026, 1, 1)))
                .when(new ProposeAmendmentCommand(C, P, "A-1", dm))
                .expectResultMessagePayload(AmendmentRuling.accepted());
        // an index value published after the signature does not count for it
        fixture.given(
                        REGISTERED,
                        new IndexValueRecordedEvent(C, P, "Agoria", new BigDecimal("110"), LocalDate.of(2026, 3, 2)))
                .when(new ProposeAmendmentCommand(C, P, "A-1", dm))
                .expectResultMessagePayload(AmendmentRuling.rejected("de-minimis-share"));
        fixture.given(REGISTERED)
                .when(new RecordIndexValueCommand(C, P, new BigDecimal("104.2"), LocalDate.of(2026, 1, 1)))
                .expectEvents(
                        new IndexValueRecordedEvent(C, P, "Agoria", new BigDecimal("104.2"), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void additionalWorksLeaveAPublicationNoticeOutstandingUntilItIsRecorded() {
        AmendmentProposal works = proposal(LegalBasis.ADDITIONAL_WORKS, null, "400000", 0);
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", works))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                io.governanceledger.command.Violations.<ContractAmendedEvent>satisfies(
                                        "publication required", ContractAmendedEvent::publicationRequired)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        ContractAmendedEvent amended =
                new ContractAmendedEvent(C, P, "A-1", 1, works, null, new BigDecimal("1400000.00"), END, true);
        fixture.given(REGISTERED, amended)
                .when(new RecordPublicationNoticeCommand(C, P, 1, "OJ S 2026/061-123456", LocalDate.of(2026, 3, 20)))
                .expectEvents(
                        new PublicationNoticeRecordedEvent(C, P, 1, "OJ S 2026/061-123456", LocalDate.of(2026, 3, 20)));
        fixture.given(REGISTERED, amended, new PublicationNoticeRecordedEvent(C, P, 1, "OJ", LocalDate.of(2026, 3, 20)))
                .when(new RecordPublicationNoticeCommand(C, P, 1, "OJ again", LocalDate.of(2026, 3, 21)))
                .expectExceptionDetails(conflict("no-notice-outstanding"));
    }

    @Test
    void callOffsStayWithinTheContractsCurrentValueAndTerm() {
        fixture.given(REGISTERED)
                .when(new PlaceCallOffCommand(
                        C, P, "CO-1", "Call-off 1", new BigDecimal("1000000.00"), LocalDate.of(2025, 1, 1)))
                .expectEvents(new CallOffPlacedEvent(
                        C, P, "CO-1", "Call-off 1", new BigDecimal("1000000.00"), LocalDate.of(2025, 1, 1)));
        fixture.given(
                        REGISTERED,
                        new CallOffPlacedEvent(C, P, "CO-1", "x", new BigDecimal("900000"), LocalDate.of(2025, 1, 1)))
                .when(new PlaceCallOffCommand(
                        C, P, "CO-2", "Call-off 2", new BigDecimal("100000.01"), LocalDate.of(2025, 2, 1)))
                .expectExceptionDetails(conflict("exceeds-contract-value"));
        fixture.given(REGISTERED)
                .when(new PlaceCallOffCommand(C, P, "CO-1", "x", BigDecimal.TEN, LocalDate.of(2040, 1, 1)))
                .expectExceptionDetails(invalid("within-term", "placedOn"));
        fixture.given(
                        REGISTERED,
                        new CallOffPlacedEvent(C, P, "CO-1", "x", new BigDecimal("950000"), LocalDate.of(2025, 1, 1)))
                .when(new ProposeAmendmentCommand(C, P, "A-1", proposal(LegalBasis.DE_MINIMIS, null, "-60000", 0)))
                .expectExceptionDetails(conflict("below-called-off"))
                .expectNoEvents();
    }

    @Test
    void aCallOffCountsOnlyTheAmendmentsInForceOnItsDate() {
        AmendmentProposal later = new AmendmentProposal(
                LegalBasis.REVIEW_CLAUSE,
                "R1",
                new BigDecimal("150000"),
                0,
                "s",
                List.of("x"),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 9, 1),
                "DEC-OK-1");
        ContractAmendedEvent amended =
                new ContractAmendedEvent(C, P, "A-1", 1, later, null, new BigDecimal("1150000.00"), END, false);
        fixture.given(REGISTERED, amended)
                .when(new PlaceCallOffCommand(C, P, "CO-1", "x", new BigDecimal("1100000"), LocalDate.of(2026, 6, 1)))
                .expectExceptionDetails(conflict("exceeds-contract-value"));
        fixture.given(REGISTERED, amended)
                .when(new PlaceCallOffCommand(C, P, "CO-1", "x", new BigDecimal("1100000"), LocalDate.of(2026, 9, 1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void proposalsAreCheckedBeforeTheyAreJudged() {
        AmendmentProposal undated = new AmendmentProposal(
                LegalBasis.DE_MINIMIS, null, BigDecimal.ONE, 0, "s", List.of("x"), null, null, "DEC-OK-1");
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", undated))
                .expectExceptionDetails(invalid("required", "signedOn"));
        AmendmentProposal retroactive = new AmendmentProposal(
                LegalBasis.DE_MINIMIS,
                null,
                BigDecimal.ONE,
                0,
                "s",
                List.of("x"),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 1),
                "DEC-OK-1");
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", retroactive))
                .expectExceptionDetails(invalid("effective-not-before-signature", "effectiveFrom"));
        AmendmentProposal unauthorised = new AmendmentProposal(
                LegalBasis.DE_MINIMIS,
                null,
                BigDecimal.ONE,
                0,
                "s",
                List.of("x"),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1),
                "DEC-PROPOSED");
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", unauthorised))
                .expectExceptionDetails(invalid("approved-decision-required", "authorisingDecisionId"));
        AmendmentProposal unsigned = new AmendmentProposal(
                LegalBasis.DE_MINIMIS,
                null,
                BigDecimal.ONE,
                0,
                "s",
                List.of(),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1),
                "DEC-OK-1");
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, P, "A-1", unsigned))
                .expectExceptionDetails(invalid("required", "signatories"));
        fixture.given(REGISTERED)
                .when(new ProposeAmendmentCommand(C, "OTHER", "A-1", proposal(LegalBasis.DE_MINIMIS, null, "1", 0)))
                .expectExceptionDetails(notFound("unknown-contract", "contractId"))
                .expectNoEvents();
    }
}
