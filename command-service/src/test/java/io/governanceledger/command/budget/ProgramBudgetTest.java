package io.governanceledger.command.budget;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.effectiveAt;
import static io.governanceledger.command.Violations.invalid;
import static io.governanceledger.command.Violations.notFound;

import io.governanceledger.command.decisions.DecisionStanding;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.BudgetPolicySetEvent;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.LedgerEntry.Measure;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgramBudgetTest {

    private static final String P = "AIR-1";
    private static final String BUDGET = ProgramBudget.idOf(P);
    private static final LocalDate Y2026_START = LocalDate.of(2026, 1, 1);
    private static final LocalDate Y2026_END = LocalDate.of(2026, 12, 31);

    private final Set<String> closedPrograms = new HashSet<>();
    private LocalDate plannedEnd = LocalDate.of(2039, 1, 1);
    private final ProgramStanding programs = programId -> {
        if (closedPrograms.contains(programId)) {
            throw RuleViolationException.conflict("program-closed", "closed");
        }
        return new ProgramStanding.ProgramFacts("EUR", LocalDate.of(2024, 1, 1), plannedEnd);
    };
    /** Lines on which an open cost exception stops commitments, and the estimates change control was told of. */
    private final Set<String> blockedLines = new HashSet<>();

    private final List<Map<String, BigDecimal>> estimatesTold = new ArrayList<>();

    private final CostControl costs = new CostControl() {
        @Override
        public void requireCommitmentAllowed(String programId, String lineId) {
            if (blockedLines.contains(lineId)) {
                throw RuleViolationException.conflict("open-cost-exception", "Exception EX-1 is open on " + lineId);
            }
        }

        @Override
        public void estimatesChanged(String programId, Map<String, BigDecimal> estimates) {
            estimatesTold.add(estimates);
        }
    };

    private final DecisionStanding decisions = (programId, decisionId, field) -> {
        if (!decisionId.startsWith("DEC-OK")) {
            throw RuleViolationException.invalid("approved-decision-required", field, "not approved");
        }
    };
    private FixtureConfiguration<ProgramBudget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProgramBudget.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(programs);
        fixture.registerInjectableResource(decisions);
        fixture.registerInjectableResource(costs);
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static BudgetMovement movement(
            MovementKind kind, String line, String to, String amount, String reference, String commitment) {
        return new BudgetMovement(
                kind, line, to, eur(amount), reference, commitment, null, LocalDate.of(2026, 6, 1), null);
    }

    static BudgetMovement allocate(String line, String amount) {
        return movement(MovementKind.ALLOCATION, line, null, amount, null, null);
    }

    static DelegationGrantedEvent delegation(
            String id, String holder, String max, List<String> lines, LocalDate from, LocalDate to) {
        return new DelegationGrantedEvent(P, id, holder, eur(max), lines, List.of(), from, to, "finance");
    }

    /** Two lines, a policy with four eyes above 500k, and delegations for alice, bob, carol and dave. */
    static List<Object> setUpBudget() {
        return new ArrayList<>(List.of(
                new BudgetLineOpenedEvent(P, "L1", "Infrastructure", CostCategory.CAPEX, 2026, "EUR"),
                new BudgetLineOpenedEvent(P, "L2", "Operations", CostCategory.OPEX, 2026, "EUR"),
                new BudgetPolicySetEvent(P, new BigDecimal("500000"), Set.of(), 30),
                delegation("D-ALICE", "alice", "100000", List.of(), Y2026_START, Y2026_END),
                delegation("D-BOB", "bob", "50000", List.of("L1"), Y2026_START, Y2026_END),
                delegation("D-CAROL", "carol", "1000000", List.of(), Y2026_START, Y2026_END),
                delegation("D-ERIN", "erin", "1000000", List.of(), Y2026_START, Y2026_END),
                delegation(
                        "D-DAVE", "dave", "1000000", List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                booked(
                        "M0",
                        allocate("L1", "300000"),
                        "carol",
                        List.of(new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("300000"))))));
    }

    static MovementBookedEvent booked(String id, BudgetMovement movement, String requester, List<LedgerEntry> entries) {
        return new MovementBookedEvent(P, id, movement, requester, List.of(), entries);
    }

    private TestExecutor<ProgramBudget> given(Object... more) {
        List<Object> events = setUpBudget();
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static Map<String, Object> as(String user) {
        return Map.of("actor", user);
    }

    private static RequestMovementCommand request(String id, BudgetMovement movement) {
        return new RequestMovementCommand(BUDGET, P, id, movement);
    }

    private static MovementRequestedEvent requested(
            String id, BudgetMovement movement, String requester, int approvals) {
        return new MovementRequestedEvent(
                P, id, movement, requester, approvals, CLOCK.today().plusDays(30));
    }

    /** "Available never below zero" holds on every effective date, given every booked movement on its own date. */
    @Nested
    class BalanceOnEveryDate {

        private BudgetMovement on(
                String date, MovementKind kind, String line, String to, String amount, String reference) {
            return new BudgetMovement(kind, line, to, eur(amount), reference, null, null, LocalDate.parse(date), null);
        }

        @Test
        void aBackDatedTransferBeforeTheAllocationItSpendsIsRefused() {
            BudgetMovement allocation = on("2026-12-01", MovementKind.ALLOCATION, "L2", null, "1000", null);
            List<LedgerEntry> allocated = List.of(new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("1000")));
            given(booked("M1", allocation, "carol", allocated))
                    .when(request("M2", on("2026-01-15", MovementKind.TRANSFER, "L2", "L1", "1000", null)), as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available-on-date"))
                    .expectNoEvents();
            BudgetMovement transfer = on("2026-12-01", MovementKind.TRANSFER, "L2", "L1", "1000", null);
            given(booked("M1", allocation, "carol", allocated))
                    .when(request("M2", transfer), as("carol"))
                    .expectEvents(booked(
                            "M2",
                            transfer,
                            "carol",
                            List.of(
                                    new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("-1000")),
                                    new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("1000")))));
        }

        @Test
        void theTotalsAreNotEnoughEachDateFromTheMovementsOnMustStayCovered() {
            // L1: 300,000 allocated on 1 June, 200,000 more from 1 December: 500,000 in all, 300,000 in July
            BudgetMovement later = on("2026-12-01", MovementKind.ALLOCATION, "L1", null, "200000", null);
            List<LedgerEntry> allocated = List.of(new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("200000")));
            given(booked("M1", later, "carol", allocated))
                    .when(
                            request("M2", on("2026-07-01", MovementKind.TRANSFER, "L1", "L2", "400000", null)),
                            as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available-on-date"));
            given(booked("M1", later, "carol", allocated))
                    .when(
                            request("M2", on("2026-07-01", MovementKind.COMMITMENT, "L1", null, "300001", "PO-2")),
                            as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available-on-date"));
            given(booked("M1", later, "carol", allocated))
                    .when(
                            request("M2", on("2026-12-01", MovementKind.TRANSFER, "L1", "L2", "400000", null)),
                            as("carol"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void nothingIsReleasedOrInvoicedAgainstACommitmentBeforeItTakesEffect() {
            BudgetMovement commitment = on("2026-07-01", MovementKind.COMMITMENT, "L1", null, "50000", "PO-1");
            MovementBookedEvent committed = booked(
                    "M1",
                    commitment,
                    "carol",
                    List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("50000"))));
            BudgetMovement earlyRelease = new BudgetMovement(
                    MovementKind.RELEASE,
                    "L1",
                    null,
                    eur("20000"),
                    null,
                    "PO-1",
                    null,
                    LocalDate.parse("2026-06-30"),
                    null);
            given(committed)
                    .when(request("M2", earlyRelease), as("carol"))
                    .expectExceptionDetails(conflict("before-commitment"));
            BudgetMovement earlyInvoice = new BudgetMovement(
                    MovementKind.ACTUAL,
                    "L1",
                    null,
                    eur("20000"),
                    "INV-1",
                    "PO-1",
                    null,
                    LocalDate.parse("2026-06-30"),
                    null);
            given(committed)
                    .when(request("M2", earlyInvoice), as("carol"))
                    .expectExceptionDetails(conflict("before-commitment"));
            BudgetMovement release = new BudgetMovement(
                    MovementKind.RELEASE,
                    "L1",
                    null,
                    eur("20000"),
                    null,
                    "PO-1",
                    null,
                    LocalDate.parse("2026-07-01"),
                    null);
            given(committed).when(request("M2", release), as("carol")).expectSuccessfulHandlerExecution();
        }

        @Test
        void nothingIsBookedBeforeTheProgramStartsOrAfterItsPlannedEnd() {
            given().when(request("M1", on("2023-12-31", MovementKind.ALLOCATION, "L1", null, "10", null)), as("carol"))
                    .expectExceptionDetails(invalid("outside-program-period", "effectiveDate"));
            given().when(request("M1", on("2039-01-02", MovementKind.ALLOCATION, "L1", null, "10", null)), as("carol"))
                    .expectExceptionDetails(invalid("outside-program-period", "effectiveDate"));
            given().when(request("M1", on("2039-01-01", MovementKind.REFORECAST, "L1", null, "10", null)), as("carol"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aProgramPastItsPlannedEndStillBooksUpToTodayNeverBeyond() {
            plannedEnd = LocalDate.of(2026, 1, 31); // "today" in the fixtures is 15 June 2026
            given().when(request("M1", on("2026-06-15", MovementKind.ALLOCATION, "L1", null, "10", null)), as("carol"))
                    .expectSuccessfulHandlerExecution();
            given().when(request("M1", on("2026-06-16", MovementKind.ALLOCATION, "L1", null, "10", null)), as("carol"))
                    .expectExceptionDetails(invalid("outside-program-period", "effectiveDate"));
        }

        @Test
        void theLastApprovalChecksTheBalanceOnEveryDateFromTheMovementsOn() {
            // bob's delegation is too small for 60,000: the back-dated transfer waits for an approver
            BudgetMovement allocation = on("2026-12-01", MovementKind.ALLOCATION, "L2", null, "100000", null);
            BudgetMovement transfer = on("2026-03-01", MovementKind.TRANSFER, "L2", "L1", "60000", null);
            given(
                            booked(
                                    "M1",
                                    allocation,
                                    "carol",
                                    List.of(new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("100000")))),
                            requested("M2", transfer, "bob", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M2"), as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available-on-date"));
        }

        @Test
        void nobodyGrantsToThemselvesWhateverTheCaseOfTheLogin() {
            given().when(
                            new GrantDelegationCommand(
                                    BUDGET,
                                    P,
                                    "D-NEW",
                                    "FRANK",
                                    eur("1"),
                                    List.of(),
                                    List.of(),
                                    Y2026_START,
                                    Y2026_END),
                            as("frank"))
                    .expectExceptionDetails(invalid("not-to-yourself", "holder"));
        }
    }

    @Nested
    class SettingUp {

        @Test
        void opensALineInTheProgramsCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenBudgetLineCommand(BUDGET, P, "L1", " Infrastructure ", CostCategory.CAPEX, 2026))
                    .expectEvents(
                            new BudgetLineOpenedEvent(P, "L1", "Infrastructure", CostCategory.CAPEX, 2026, "EUR"));
        }

        @Test
        void lineRulesAreChecked() {
            given().when(new OpenBudgetLineCommand(BUDGET, P, "L1", "x", CostCategory.CAPEX, 2026))
                    .expectExceptionDetails(conflict("line-exists"));
            given().when(new OpenBudgetLineCommand(BUDGET, P, "L9", "x", CostCategory.CAPEX, 2040))
                    .expectExceptionDetails(invalid("within-program", "fiscalYear"));
            given().when(new OpenBudgetLineCommand(BUDGET, P, "bad id", "x", CostCategory.CAPEX, 2026))
                    .expectExceptionDetails(invalid("format", "lineId"));
            given().when(new OpenBudgetLineCommand(BUDGET, P, "L9", " ", CostCategory.CAPEX, 2026))
                    .expectExceptionDetails(invalid("required", "workstream"));
            closedPrograms.add(P);
            given().when(new OpenBudgetLineCommand(BUDGET, P, "L9", "x", CostCategory.CAPEX, 2026))
                    .expectExceptionDetails(conflict("program-closed"))
                    .expectNoEvents();
        }

        @Test
        void policyRulesAreChecked() {
            given().when(new SetBudgetPolicyCommand(
                            BUDGET, P, new BigDecimal("250000.00"), Set.of(MovementKind.TRANSFER), 14))
                    .expectEvents(new BudgetPolicySetEvent(
                            P, new BigDecimal("250000.00"), Set.of(MovementKind.TRANSFER), 14));
            given().when(new SetBudgetPolicyCommand(BUDGET, P, new BigDecimal("-1"), Set.of(), 14))
                    .expectExceptionDetails(invalid("positive", "fourEyesThreshold"));
            given().when(new SetBudgetPolicyCommand(BUDGET, P, null, Set.of(), 0))
                    .expectExceptionDetails(invalid("range", "approvalWindowDays"));
        }

        @Test
        void delegationsAreGrantedBySomeoneElseInTheProgramsCurrencyAndDates() {
            GrantDelegationCommand grant = new GrantDelegationCommand(
                    BUDGET,
                    P,
                    "D-NEW",
                    "frank",
                    eur("20000"),
                    List.of("L2"),
                    List.of(CostCategory.OPEX),
                    Y2026_START,
                    Y2026_END);
            given().when(grant, as("finance"))
                    .expectEvents(new DelegationGrantedEvent(
                            P,
                            "D-NEW",
                            "frank",
                            eur("20000"),
                            List.of("L2"),
                            List.of(CostCategory.OPEX),
                            Y2026_START,
                            Y2026_END,
                            "finance"));
            given().when(grant, as("frank")).expectExceptionDetails(invalid("not-to-yourself", "holder"));
            given().when(
                            new GrantDelegationCommand(
                                    BUDGET,
                                    P,
                                    "D-NEW",
                                    "frank",
                                    new Money(BigDecimal.TEN, "USD"),
                                    List.of(),
                                    List.of(),
                                    Y2026_START,
                                    Y2026_END),
                            as("finance"))
                    .expectExceptionDetails(invalid("currency-mismatch", "maxAmount"));
            given().when(
                            new GrantDelegationCommand(
                                    BUDGET,
                                    P,
                                    "D-NEW",
                                    "frank",
                                    eur("1"),
                                    List.of(),
                                    List.of(),
                                    Y2026_END,
                                    Y2026_START),
                            as("finance"))
                    .expectExceptionDetails(invalid("to-after-from", "validTo"));
            given().when(
                            new GrantDelegationCommand(
                                    BUDGET,
                                    P,
                                    "D-NEW",
                                    "frank",
                                    eur("1"),
                                    List.of("NOPE"),
                                    List.of(),
                                    Y2026_START,
                                    Y2026_END),
                            as("finance"))
                    .expectExceptionDetails(notFound("unknown-line", "lineIds"));
        }

        @Test
        void aRevokedDelegationNoLongerCounts() {
            given().when(new RevokeDelegationCommand(BUDGET, P, "D-ALICE"))
                    .expectEvents(new DelegationRevokedEvent(P, "D-ALICE", "alice"));
            given(new DelegationRevokedEvent(P, "D-ALICE", "alice"))
                    .when(request("M1", allocate("L1", "1000")), as("alice"))
                    .expectEvents(requested("M1", allocate("L1", "1000"), "alice", 1));
            given().when(new RevokeDelegationCommand(BUDGET, P, "D-NONE"))
                    .expectExceptionDetails(notFound("unknown-delegation", "delegationId"));
        }
    }

    @Nested
    class BalanceRules {

        private void refused(BudgetMovement movement, org.hamcrest.Matcher<?> rule) {
            given().when(request("M1", movement), as("carol"))
                    .expectExceptionDetails(rule)
                    .expectNoEvents();
        }

        @Test
        void withinTheRequestersDelegationAMovementIsBookedAtOnceAndTakesEffectOnItsDate() {
            given().when(request("M1", allocate("L2", "40000.50")), as("alice"))
                    .expectResultMessagePayload(MovementStatus.BOOKED)
                    .expectEvents(booked(
                            "M1",
                            allocate("L2", "40000.50"),
                            "alice",
                            List.of(new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("40000.50")))))
                    .expectEventsMatching(effectiveAt("2026-05-31T22:00:00Z"));
        }

        @Test
        void aTransferNetsToZeroAndCannotExceedTheSourcesAvailableAmount() {
            BudgetMovement transfer = movement(MovementKind.TRANSFER, "L1", "L2", "100000", null, null);
            given().when(request("M1", transfer), as("carol"))
                    .expectEvents(booked(
                            "M1",
                            transfer,
                            "carol",
                            List.of(
                                    new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("-100000")),
                                    new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("100000")))));
            refused(
                    movement(MovementKind.TRANSFER, "L1", "L2", "300000.01", null, null),
                    conflict("insufficient-available"));
            refused(
                    movement(MovementKind.TRANSFER, "L1", "L1", "1", null, null),
                    invalid("different-lines", "toLineId"));
            refused(
                    movement(MovementKind.TRANSFER, "L1", "NOPE", "1", null, null),
                    notFound("unknown-line", "toLineId"));
        }

        @Test
        void reductionsAndCommitmentsStayWithinTheAvailableAmount() {
            refused(
                    movement(MovementKind.REDUCTION, "L1", null, "300000.01", null, null),
                    conflict("insufficient-available"));
            refused(
                    movement(MovementKind.COMMITMENT, "L1", null, "300000.01", "PO-1", null),
                    conflict("insufficient-available"));
            refused(movement(MovementKind.COMMITMENT, "L1", null, "1", null, null), invalid("required", "reference"));
            given(booked(
                            "M1",
                            movement(MovementKind.COMMITMENT, "L1", null, "200000", "PO-1", null),
                            "carol",
                            List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("200000")))))
                    .when(
                            request("M2", movement(MovementKind.REDUCTION, "L1", null, "100000.01", null, null)),
                            as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available"));
        }

        @Test
        void aPurchaseOrderIsCommittedOnceAndReleasedOnlyUpToWhatItStillHolds() {
            BudgetMovement po = movement(MovementKind.COMMITMENT, "L1", null, "200000", "PO-1", null);
            Object committed = booked(
                    "M1", po, "carol", List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("200000"))));
            given(committed)
                    .when(request("M2", movement(MovementKind.COMMITMENT, "L1", null, "1", "PO-1", null)), as("carol"))
                    .expectExceptionDetails(conflict("commitment-exists"));
            BudgetMovement release = movement(MovementKind.RELEASE, "L1", null, "50000", null, "PO-1");
            given(committed)
                    .when(request("M2", release), as("carol"))
                    .expectEvents(booked(
                            "M2",
                            release,
                            "carol",
                            List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("-50000")))));
            given(
                            committed,
                            booked(
                                    "M2",
                                    release,
                                    "carol",
                                    List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("-50000")))))
                    .when(
                            request("M3", movement(MovementKind.RELEASE, "L1", null, "150000.01", null, "PO-1")),
                            as("carol"))
                    .expectExceptionDetails(invalid("exceeds-open-commitment", "amount"));
            given(committed)
                    .when(request("M2", movement(MovementKind.RELEASE, "L2", null, "1", null, "PO-1")), as("carol"))
                    .expectExceptionDetails(notFound("unknown-commitment", "commitmentReference"));
        }

        @Test
        void anInvoiceConsumesItsCommitmentAndAnyExcessComesFromTheAvailableAmount() {
            Object committed = booked(
                    "M1",
                    movement(MovementKind.COMMITMENT, "L1", null, "200000", "PO-1", null),
                    "carol",
                    List.of(new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("200000"))));
            BudgetMovement invoice = movement(MovementKind.ACTUAL, "L1", null, "250000", "INV-1", "PO-1");
            given(committed)
                    .when(request("M2", invoice), as("carol"))
                    .expectEvents(booked(
                            "M2",
                            invoice,
                            "carol",
                            List.of(
                                    new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("-200000")),
                                    new LedgerEntry("L1", Measure.ACTUAL, new BigDecimal("250000")))));
            // 300000 allocated - 200000 committed: 100000 available, so an invoice of 300000.01 against the PO is too
            // much
            given(committed)
                    .when(
                            request("M2", movement(MovementKind.ACTUAL, "L1", null, "300000.01", "INV-1", "PO-1")),
                            as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available"));
            Object invoiced = booked(
                    "M2",
                    invoice,
                    "carol",
                    List.of(
                            new LedgerEntry("L1", Measure.COMMITTED, new BigDecimal("-200000")),
                            new LedgerEntry("L1", Measure.ACTUAL, new BigDecimal("250000"))));
            given(committed, invoiced)
                    .when(request("M3", movement(MovementKind.ACTUAL, "L1", null, "1", "INV-1", null)), as("carol"))
                    .expectExceptionDetails(conflict("invoice-booked"));
            given(committed, invoiced)
                    .when(request("M3", movement(MovementKind.RELEASE, "L1", null, "0.01", null, "PO-1")), as("carol"))
                    .expectExceptionDetails(invalid("exceeds-open-commitment", "amount"));
        }

        @Test
        void amountsArePositiveCentsInTheProgramsCurrency() {
            refused(movement(MovementKind.ALLOCATION, "L1", null, "10.001", null, null), invalid("cents", "amount"));
            refused(movement(MovementKind.ALLOCATION, "L1", null, "-5", null, null), invalid("positive", "amount"));
            refused(movement(MovementKind.ALLOCATION, "L1", null, "0", null, null), invalid("positive", "amount"));
            refused(
                    new BudgetMovement(
                            MovementKind.ALLOCATION,
                            "L1",
                            null,
                            new Money(BigDecimal.TEN, "USD"),
                            null,
                            null,
                            null,
                            null,
                            null),
                    invalid("currency-mismatch", "amount"));
            refused(allocate("NOPE", "1"), notFound("unknown-line", "lineId"));
        }

        @Test
        void aReforecastSetsTheEstimateAtCompletionWithoutApproval() {
            BudgetMovement eac = movement(MovementKind.REFORECAST, "L1", null, "320000", null, null);
            given().when(request("M1", eac), as("viewer-without-delegation"))
                    .expectEvents(booked(
                            "M1",
                            eac,
                            "viewer-without-delegation",
                            List.of(new LedgerEntry("L1", Measure.FORECAST, new BigDecimal("320000")))));
            given(booked("M1", eac, "x", List.of(new LedgerEntry("L1", Measure.FORECAST, new BigDecimal("320000")))))
                    .when(request("M2", movement(MovementKind.REFORECAST, "L1", null, "290000", null, null)), as("x"))
                    .expectEvents(booked(
                            "M2",
                            movement(MovementKind.REFORECAST, "L1", null, "290000", null, null),
                            "x",
                            List.of(new LedgerEntry("L1", Measure.FORECAST, new BigDecimal("-30000")))));
        }

        @Test
        void kindsThePolicyNamesNeedAnApprovedDecision() {
            Object policy = new BudgetPolicySetEvent(P, null, Set.of(MovementKind.ALLOCATION), 30);
            given(policy)
                    .when(request("M1", allocate("L1", "10")), as("carol"))
                    .expectExceptionDetails(invalid("required", "authorisingReference"));
            BudgetMovement unapproved = new BudgetMovement(
                    MovementKind.ALLOCATION, "L1", null, eur("10"), null, null, "DEC-PROPOSED", null, null);
            given(policy)
                    .when(request("M1", unapproved), as("carol"))
                    .expectExceptionDetails(invalid("approved-decision-required", "authorisingReference"));
            BudgetMovement authorised = new BudgetMovement(
                    MovementKind.ALLOCATION, "L1", null, eur("10"), null, null, "DEC-OK-1", null, null);
            given(policy)
                    .when(request("M1", authorised), as("carol"))
                    .expectResultMessagePayload(MovementStatus.BOOKED);
        }

        @Test
        void aClosedProgramTakesNoMovements() {
            closedPrograms.add(P);
            refused(allocate("L1", "1"), conflict("program-closed"));
        }
    }

    @Nested
    class Approvals {

        private final BudgetMovement bigTransfer = movement(MovementKind.TRANSFER, "L1", "L2", "150000", null, null);

        @Test
        void aboveTheRequestersLimitTheMovementWaitsAndChangesNoBalance() {
            given().when(request("M1", bigTransfer), as("alice"))
                    .expectResultMessagePayload(MovementStatus.PENDING)
                    .expectEvents(requested("M1", bigTransfer, "alice", 1))
                    .expectScheduledDeadlineWithName(CLOCK.startOf(CLOCK.today().plusDays(31)), ProgramBudget.EXPIRY);
            // the pending transfer reserved nothing: the whole 300000 can still be reduced
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(
                            request("M2", movement(MovementKind.REDUCTION, "L1", null, "300000", null, null)),
                            as("carol"))
                    .expectResultMessagePayload(MovementStatus.BOOKED);
        }

        @Test
        void theRequesterCannotApproveTheirOwnMovement() {
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("alice"))
                    .expectExceptionDetails(conflict("self-approval"))
                    .expectNoEvents();
        }

        @Test
        void anApproverWhoseLimitIsTooLowExpiredOrOutOfScopeIsRefused() {
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("bob"))
                    .expectExceptionDetails(conflict("delegation-out-of-scope"));
            BudgetMovement onL1 = movement(MovementKind.ALLOCATION, "L1", null, "150000", null, null);
            given(requested("M1", onL1, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("bob"))
                    .expectExceptionDetails(conflict("limit-too-low"));
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("dave"))
                    .expectExceptionDetails(conflict("delegation-not-valid"));
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("nobody"))
                    .expectExceptionDetails(conflict("no-delegation"))
                    .expectNoEvents();
        }

        @Test
        void anApproverWhoseDelegationCoversItBooksTheMovement() {
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectResultMessagePayload(MovementStatus.BOOKED)
                    .expectEvents(
                            new MovementApprovalGivenEvent(P, "M1", "carol", "D-CAROL", 1, 1),
                            new MovementBookedEvent(
                                    P,
                                    "M1",
                                    bigTransfer,
                                    "alice",
                                    List.of("carol"),
                                    List.of(
                                            new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("-150000")),
                                            new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("150000")))));
        }

        @Test
        void aboveTheFourEyesThresholdTwoDistinctApproversAreNeeded() {
            BudgetMovement big = allocate("L2", "600000");
            given().when(request("M1", big), as("carol")).expectEvents(requested("M1", big, "carol", 2));
            given(requested("M1", big, "alice", 2))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectResultMessagePayload(MovementStatus.PENDING)
                    .expectEvents(new MovementApprovalGivenEvent(P, "M1", "carol", "D-CAROL", 1, 2));
            Object firstApproval = new MovementApprovalGivenEvent(P, "M1", "carol", "D-CAROL", 1, 2);
            given(requested("M1", big, "alice", 2), firstApproval)
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectExceptionDetails(conflict("approved-by-you"))
                    .expectNoEvents();
            given(requested("M1", big, "alice", 2), firstApproval)
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("erin"))
                    .expectResultMessagePayload(MovementStatus.BOOKED)
                    .expectEvents(
                            new MovementApprovalGivenEvent(P, "M1", "erin", "D-ERIN", 2, 2),
                            new MovementBookedEvent(
                                    P,
                                    "M1",
                                    big,
                                    "alice",
                                    List.of("carol", "erin"),
                                    List.of(new LedgerEntry("L2", Measure.ALLOCATED, new BigDecimal("600000")))));
        }

        @Test
        void balancesAreCheckedAgainWhenTheLastApprovalArrives() {
            given(
                            requested("M1", bigTransfer, "alice", 1),
                            booked(
                                    "M2",
                                    movement(MovementKind.REDUCTION, "L1", null, "200000", null, null),
                                    "carol",
                                    List.of(new LedgerEntry("L1", Measure.ALLOCATED, new BigDecimal("-200000")))))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectExceptionDetails(conflict("insufficient-available"))
                    .expectNoEvents();
        }

        @Test
        void anEligibleApproverMayRefuseAndARefusedMovementIsClosed() {
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new RefuseMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectEvents(new MovementRefusedEvent(P, "M1", "carol"));
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new RefuseMovementCommand(BUDGET, P, "M1"), as("alice"))
                    .expectExceptionDetails(conflict("self-approval"));
            given(requested("M1", bigTransfer, "alice", 1), new MovementRefusedEvent(P, "M1", "carol"))
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("erin"))
                    .expectExceptionDetails(conflict("movement-refused"));
            given().when(new ApproveMovementCommand(BUDGET, P, "NOPE"), as("erin"))
                    .expectExceptionDetails(notFound("unknown-movement", "movementId"));
        }

        @Test
        void aRefusalIsNeverEffectiveBeforeTheMovementItEnds() {
            // requested on 15 June for 1 December, refused on 15 June: refused from 1 December on
            Object december = org.axonframework.eventhandling.GenericEventMessage.asEventMessage(
                            requested("M1", bigTransfer, "alice", 1))
                    .andMetaData(Map.of("effectiveAt", "2026-11-30T23:00:00Z"));
            given(december)
                    .when(new RefuseMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectEvents(new MovementRefusedEvent(P, "M1", "carol"))
                    .expectEventsMatching(effectiveAt("2026-11-30T23:00:00Z"));
            given(requested("M1", bigTransfer, "alice", 1))
                    .when(new RefuseMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectEventsMatching(effectiveAt("2026-06-15T10:00:00Z"));
        }

        @Test
        void aMovementNotDecidedWithinTheApprovalWindowExpires() {
            fixture.given(setUpBudget())
                    .andGivenCommands(List.of(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                                    request("M1", bigTransfer))
                            .andMetaData(as("alice"))))
                    .whenThenTimeElapses(Duration.ofDays(40))
                    .expectEvents(new MovementExpiredEvent(P, "M1"));
            fixture.given(setUpBudget())
                    .andGivenCommands(List.of(
                            org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                                            request("M1", bigTransfer))
                                    .andMetaData(as("alice")),
                            org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                                            new RefuseMovementCommand(BUDGET, P, "M1"))
                                    .andMetaData(as("carol"))))
                    .whenThenTimeElapses(Duration.ofDays(40))
                    .expectNoEvents();
        }

        @Test
        void afterItsWindowAMovementCanNoLongerBeApproved() {
            MovementRequestedEvent stale = new MovementRequestedEvent(
                    P, "M1", bigTransfer, "alice", 1, CLOCK.today().minusDays(1));
            given(stale)
                    .when(new ApproveMovementCommand(BUDGET, P, "M1"), as("carol"))
                    .expectExceptionDetails(conflict("approval-window-closed"));
            given(stale)
                    .when(new io.governanceledger.command.budget.ExpireMovementCommand(BUDGET, P, "M1"))
                    .expectEvents(new MovementExpiredEvent(P, "M1"));
            given(new MovementRequestedEvent(P, "M1", bigTransfer, "alice", 1, CLOCK.today()))
                    .when(new io.governanceledger.command.budget.ExpireMovementCommand(BUDGET, P, "M1"))
                    .expectNoEvents();
        }
    }
}
