package io.governanceledger.query.budget;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.LedgerEntry.Measure;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementRequestedEvent;
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

class BudgetProjectionTest {

    private static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC")), ZoneId.of("Europe/Brussels"));
    private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

    private BudgetProjection projection;
    private BudgetQueries queries;
    private long position;

    @BeforeEach
    void setUp() {
        var store = ProjectionDatabase.create();
        var jdbc = store.jdbc();
        projection = new BudgetProjection(store, CLOCK);
        queries = new BudgetQueries(jdbc, CLOCK, new io.governanceledger.query.programs.KnownPrograms(jdbc));
        io.governanceledger.query.programs.TestPrograms.create(store, "P", java.time.LocalDate.of(2026, 1, 1));
        projection.on(
                new BudgetLineOpenedEvent("P", "L1", "Infra", CostCategory.CAPEX, 2026, "EUR"),
                lineOpened(),
                at(++position));
        projection.on(
                new BudgetLineOpenedEvent("P", "L2", "Ops", CostCategory.OPEX, 2026, "EUR"),
                lineOpened(),
                at(++position));
    }

    /** Lines are on record from the program's start, 1 January 2026 in Brussels. */
    private static EventMessage<?> lineOpened() {
        return event("x", "finance", T, Instant.parse("2025-12-31T23:00:00Z"));
    }

    private void granted(DelegationGrantedEvent event) {
        projection.on(event, message(event), at(++position));
    }

    private static EventMessage<?> message(Object payload) {
        return event(payload, "finance", T, Instant.parse("2026-05-31T22:00:00Z"));
    }

    private static BudgetMovement movement(MovementKind kind, String line, String to, String amount) {
        return new BudgetMovement(
                kind, line, to, new Money(new BigDecimal(amount), "EUR"), null, null, null, null, null);
    }

    private void book(String id, BudgetMovement movement, LedgerEntry... entries) {
        MovementBookedEvent booked = new MovementBookedEvent("P", id, movement, "finance", List.of(), List.of(entries));
        EventMessage<?> message = message(booked);
        long at = ++position;
        projection.on(booked, message, at(at));
        projection.on(booked, message, at(at)); // redelivered: changes nothing
    }

    private static LedgerEntry entry(String line, Measure measure, String delta) {
        return new LedgerEntry(line, measure, new BigDecimal(delta));
    }

    @Test
    void balancesAreTheSumsOfTheBookedLegs() {
        book("M1", movement(MovementKind.ALLOCATION, "L1", null, "1000.00"), entry("L1", Measure.ALLOCATED, "1000.00"));
        book(
                "M2",
                movement(MovementKind.TRANSFER, "L1", "L2", "250.50"),
                entry("L1", Measure.ALLOCATED, "-250.50"),
                entry("L2", Measure.ALLOCATED, "250.50"));
        book("M3", movement(MovementKind.COMMITMENT, "L1", null, "300"), entry("L1", Measure.COMMITTED, "300"));
        book(
                "M4",
                movement(MovementKind.ACTUAL, "L1", null, "320"),
                entry("L1", Measure.COMMITTED, "-300"),
                entry("L1", Measure.ACTUAL, "320"));
        book("M5", movement(MovementKind.REFORECAST, "L1", null, "800"), entry("L1", Measure.FORECAST, "800"));

        BudgetView view =
                queries.budget(new FindBudgetQuery("P", pointAt(null, null))).orElseThrow();
        var l1 = view.lines().get(0).balance();
        assertThat(l1.allocated()).isEqualByComparingTo("749.50");
        assertThat(l1.committed()).isEqualByComparingTo("0");
        assertThat(l1.actual()).isEqualByComparingTo("320");
        assertThat(l1.available()).isEqualByComparingTo("429.50");
        assertThat(l1.forecast()).isEqualByComparingTo("800");
        assertThat(l1.variance()).isEqualByComparingTo("-50.50");
        assertThat(l1.burnRatePerMonth()).isEqualByComparingTo("53.33"); // 320 over the 6 months begun by 15 June
        assertThat(view.total().allocated()).isEqualByComparingTo("1000.00");
        assertThat(view.byCategory())
                .extracting(total -> total.category())
                .containsExactly(CostCategory.CAPEX, CostCategory.OPEX);
        assertThat(view.byFiscalYearAndCategory()).hasSize(2);
        assertThat(queries.movements(new FindMovementsQuery(
                                "P", "L2", null, null, null, null, null, 0, 10, pointAt(null, null)))
                        .orElseThrow()
                        .movements())
                .extracting(m -> m.movementId())
                .containsExactly("M2");
    }

    @Test
    void bothClocks_aBackDatedCorrectionShowsInTodaysPastButNotInWhatWasKnownBefore() {
        BudgetMovement first = movement(MovementKind.ALLOCATION, "L1", null, "1000");
        MovementBookedEvent booked = new MovementBookedEvent(
                "P", "M1", first, "finance", List.of(), List.of(entry("L1", Measure.ALLOCATED, "1000")));
        projection.on(
                booked,
                event(booked, "finance", Instant.parse("2026-06-02T08:00:00Z"), Instant.parse("2026-01-04T23:00:00Z")),
                at(++position));
        // recorded on 12 June, effective from 1 February: a correction of the past
        BudgetMovement correction = movement(MovementKind.ALLOCATION, "L1", null, "500");
        MovementBookedEvent late = new MovementBookedEvent(
                "P", "M2", correction, "finance", List.of(), List.of(entry("L1", Measure.ALLOCATED, "500")));
        projection.on(
                late,
                event(late, "finance", Instant.parse("2026-06-12T08:00:00Z"), Instant.parse("2026-01-31T23:00:00Z")),
                at(++position));

        LocalDate march = LocalDate.of(2026, 3, 1);
        assertThat(allocatedL1(march, null)).isEqualByComparingTo("1500");
        assertThat(allocatedL1(march, Instant.parse("2026-06-05T00:00:00Z"))).isEqualByComparingTo("1000");
        assertThat(allocatedL1(LocalDate.of(2026, 1, 31), null)).isEqualByComparingTo("1000");
        assertThat(allocatedL1(LocalDate.of(2026, 1, 1), null)).isEqualByComparingTo("0");
        BudgetView beforeTheLines = queries.budget(
                        new FindBudgetQuery("P", pointAt(AsOf.of(march), Instant.parse("2026-05-31T00:00:00Z"))))
                .orElseThrow();
        assertThat(beforeTheLines.lines()).isEmpty();
        BudgetView now =
                queries.budget(new FindBudgetQuery("P", pointAt(null, null))).orElseThrow();
        assertThat(now.asOf()).isEqualTo(AsOf.of(CLOCK.today()));
        assertThat(now.knownAt()).isEqualTo(CLOCK.now());
    }

    @Test
    void balancesOnBothClocksHoldWhenLegsArriveOutOfDateOrder() {
        Instant t1 = Instant.parse("2026-06-02T08:00:00Z");
        Instant t2 = Instant.parse("2026-06-03T08:00:00Z");
        Instant t3 = Instant.parse("2026-06-04T08:00:00Z");
        bookAt("M1", "100", LocalDate.of(2026, 3, 1), t1);
        bookAt("M2", "20", LocalDate.of(2026, 1, 15), t2); // before everything known so far
        bookAt("M3", "3", LocalDate.of(2026, 2, 1), t3); // in between
        bookAt("M4", "0.50", LocalDate.of(2026, 3, 1), t3); // on a date already known

        LocalDate jan20 = LocalDate.of(2026, 1, 20);
        LocalDate feb10 = LocalDate.of(2026, 2, 10);
        LocalDate mar5 = LocalDate.of(2026, 3, 5);
        // known at t1: only M1
        assertThat(allocatedL1(jan20, t1)).isEqualByComparingTo("0");
        assertThat(allocatedL1(mar5, t1)).isEqualByComparingTo("100");
        // known at t2: M1 and M2
        assertThat(allocatedL1(jan20, t2)).isEqualByComparingTo("20");
        assertThat(allocatedL1(feb10, t2)).isEqualByComparingTo("20");
        assertThat(allocatedL1(mar5, t2)).isEqualByComparingTo("120");
        // known now: all four
        assertThat(allocatedL1(LocalDate.of(2026, 1, 14), null)).isEqualByComparingTo("0");
        assertThat(allocatedL1(jan20, null)).isEqualByComparingTo("20");
        assertThat(allocatedL1(feb10, null)).isEqualByComparingTo("23");
        assertThat(allocatedL1(LocalDate.of(2026, 2, 28), null)).isEqualByComparingTo("23");
        assertThat(allocatedL1(mar5, null)).isEqualByComparingTo("123.50");
        assertThat(allocatedL1(mar5, t1.minusSeconds(1))).isEqualByComparingTo("0");
    }

    private void bookAt(String id, String amount, LocalDate effective, Instant recorded) {
        MovementBookedEvent booked = new MovementBookedEvent(
                "P",
                id,
                movement(MovementKind.ALLOCATION, "L1", null, amount),
                "finance",
                List.of(),
                List.of(entry("L1", Measure.ALLOCATED, amount)));
        projection.on(booked, event(booked, "finance", recorded, CLOCK.startOf(effective)), at(++position));
    }

    private BigDecimal allocatedL1(LocalDate asOf, Instant knownAt) {
        return queries.budget(new FindBudgetQuery("P", pointAt(AsOf.of(asOf), knownAt)))
                .orElseThrow()
                .lines()
                .get(0)
                .balance()
                .allocated();
    }

    @Test
    void pendingApprovalsGoToApproversWhoseDelegationCoversThem() {
        granted(new DelegationGrantedEvent(
                "P",
                "D1",
                "carol",
                new Money(new BigDecimal("5000"), "EUR"),
                List.of(),
                List.of(),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "cfo"));
        granted(new DelegationGrantedEvent(
                "P",
                "D2",
                "bob",
                new Money(new BigDecimal("500"), "EUR"),
                List.of(),
                List.of(),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "cfo"));
        granted(new DelegationGrantedEvent(
                "P",
                "D3",
                "erin",
                new Money(new BigDecimal("5000"), "EUR"),
                List.of("L2"),
                List.of(),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "cfo"));
        granted(new DelegationGrantedEvent(
                "P",
                "D4",
                "dave",
                new Money(new BigDecimal("5000"), "EUR"),
                List.of(),
                List.of(),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "cfo"));
        MovementRequestedEvent request = new MovementRequestedEvent(
                "P", "M1", movement(MovementKind.ALLOCATION, "L1", null, "1000"), "alice", 2, LocalDate.of(2026, 7, 1));
        projection.on(request, message(request), at(++position));

        assertThat(waitingFor("carol")).containsExactly("M1");
        assertThat(waitingFor("bob")).isEmpty(); // limit too low
        assertThat(waitingFor("erin")).isEmpty(); // only L2
        assertThat(waitingFor("dave")).isEmpty(); // delegation expired
        assertThat(waitingFor("alice")).isEmpty(); // own request

        MovementApprovalGivenEvent approval = new MovementApprovalGivenEvent("P", "M1", "carol", "D1", 1, 2);
        projection.on(approval, message(approval), at(++position));
        assertThat(waitingFor("carol")).isEmpty(); // already approved
        DelegationRevokedEvent revoked = new DelegationRevokedEvent("P", "D1", "carol");
        projection.on(revoked, message(revoked), at(++position));
        assertThat(queries.delegations(new FindDelegationsQuery("P", pointAt(null, null))))
                .filteredOn(d -> d.delegationId().equals("D1"))
                .singleElement()
                .extracting(d -> d.revoked())
                .isEqualTo(true);
    }

    private List<String> waitingFor(String approver) {
        return queries
                .pendingApprovals(new FindPendingApprovalsQuery(approver, "P", pointAt(null, null), null))
                .stream()
                .map(m -> m.movementId())
                .toList();
    }

    /** The point a request with these {@code asOf} and {@code knownAt} (null: absent) answers for. */
    private static PointInTime pointAt(AsOf asOf, Instant knownAt) {
        return PointInTime.of(asOf, knownAt, CLOCK);
    }
}
