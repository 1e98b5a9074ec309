package io.governanceledger.query.changes;

import static io.governanceledger.query.ProjectionDatabase.at;
import static io.governanceledger.query.ProjectionDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.changes.AffectedItem;
import io.governanceledger.events.changes.AffectedKind;
import io.governanceledger.events.changes.BaselineCapturedEvent;
import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.events.changes.BaselineCost;
import io.governanceledger.events.changes.BaselineMilestone;
import io.governanceledger.events.changes.BaselineScopeItem;
import io.governanceledger.events.changes.ChangeAssessmentStartedEvent;
import io.governanceledger.events.changes.ChangeRequestAssessedEvent;
import io.governanceledger.events.changes.ChangeRequestDecidedEvent;
import io.governanceledger.events.changes.ChangeRequestDetails;
import io.governanceledger.events.changes.ChangeRequestRaisedEvent;
import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeRequestSubmittedEvent;
import io.governanceledger.events.changes.ChangeType;
import io.governanceledger.events.changes.ChangeUrgency;
import io.governanceledger.events.changes.CostImpact;
import io.governanceledger.events.changes.ExceptionResponse;
import io.governanceledger.events.changes.ImpactAssessment;
import io.governanceledger.events.changes.MilestoneDefinedEvent;
import io.governanceledger.events.changes.MilestoneDependencyAddedEvent;
import io.governanceledger.events.changes.MilestoneForecastChangedEvent;
import io.governanceledger.events.changes.Requester;
import io.governanceledger.events.changes.ScheduleImpact;
import io.governanceledger.events.changes.ScopeItemAddedEvent;
import io.governanceledger.events.changes.ScopeItemRemovedEvent;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceExceptionDecidedEvent;
import io.governanceledger.events.changes.ToleranceExceptionRaisedEvent;
import io.governanceledger.events.changes.ToleranceKind;
import io.governanceledger.query.ProjectionDatabase;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.query.programs.TestPrograms;
import io.governanceledger.support.time.BusinessClock;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change-control read model on both clocks: what was known when, and what was in force on which day. */
class ChangeControlProjectionTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    private static final BusinessClock CLOCK =
            new BusinessClock(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZONE), ZONE);
    private static final Instant T1 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-03T09:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-04T09:00:00Z");
    private static final Instant T4 = Instant.parse("2026-11-05T09:00:00Z");

    private ChangeControlProjection projection;
    private ChangeQueries queries;

    @BeforeEach
    void setUp() {
        var store = ProjectionDatabase.create();
        projection = new ChangeControlProjection(store);
        queries = new ChangeQueries(store.jdbc(), new KnownPrograms(store.jdbc()), new BaselineComparisons(null));
        TestPrograms.create(store, "P", LocalDate.of(2024, 1, 1));
    }

    /** Hands the event to the projection's handler for its type, as the processor does. */
    private void deliver(Object payload, long position, Instant recordedAt, Instant effectiveAt) {
        EventMessage<?> message = event(payload, "pmo", recordedAt, effectiveAt);
        try {
            Method handler = ChangeControlProjection.class.getDeclaredMethod(
                    "on", payload.getClass(), EventMessage.class, TrackingToken.class);
            handler.setAccessible(true);
            handler.invoke(projection, payload, message, at(position));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(Object payload, long position, Instant recordedAt) {
        deliver(payload, position, recordedAt, recordedAt);
    }

    private static PointInTime point(LocalDate asOf, Instant knownAt) {
        return PointInTime.of(asOf == null ? null : AsOf.of(asOf), knownAt, CLOCK);
    }

    private static ChangeRequestRaisedEvent raised() {
        return new ChangeRequestRaisedEvent(
                "P",
                "CR-1",
                1,
                new ChangeRequestDetails(
                        "Second hall",
                        "40 kiosks",
                        ChangeType.SCOPE,
                        new Requester("Operations", "D. Claes"),
                        ChangeUrgency.HIGH,
                        List.of(new AffectedItem(AffectedKind.MILESTONE, "M1"))));
    }

    private static ImpactAssessment impact(String amount) {
        return new ImpactAssessment(
                List.of(new CostImpact("L-DEV", new BigDecimal(amount))),
                List.of(new ScheduleImpact("M1", 45)),
                "scope",
                "risk",
                null,
                null);
    }

    @Test
    void aChangeRequestIsDecidedFromTheDayItsDecisionWasTakenAndKnownOnlyAfterItWasRecorded() {
        deliver(raised(), 1, T1);
        deliver(new ChangeAssessmentStartedEvent("P", "CR-1", "finance"), 2, T1);
        deliver(new ChangeRequestAssessedEvent("P", "CR-1", 1, "finance", impact("120000")), 3, T2);
        deliver(new ChangeRequestAssessedEvent("P", "CR-1", 2, "finance", impact("90000")), 4, T2);
        deliver(new ChangeRequestSubmittedEvent("P", "CR-1", "d-1", "Steering Committee", 1), 5, T3);
        // recorded on 5 November, decided on 3 November
        deliver(
                new ChangeRequestDecidedEvent(
                        "P", "CR-1", "d-1", ChangeRequestStatus.APPROVED, LocalDate.of(2026, 11, 3), "Within budget"),
                6,
                T4,
                CLOCK.startOf(LocalDate.of(2026, 11, 3)));
        deliver(
                new ChangeRequestDecidedEvent(
                        "P", "CR-1", "d-1", ChangeRequestStatus.APPROVED, LocalDate.of(2026, 11, 3), "Within budget"),
                6,
                T4,
                CLOCK.startOf(LocalDate.of(2026, 11, 3))); // redelivered: nothing changes

        ChangeRequestView now = queries.changeRequest(new FindChangeRequestQuery("P", "CR-1", point(null, null)))
                .orElseThrow();
        assertThat(now.summary().status()).isEqualTo(ChangeRequestStatus.APPROVED);
        assertThat(now.conditions()).isEqualTo("Within budget");
        assertThat(now.assessments()).hasSize(2);
        // decided with the revision it was submitted with, not the later one
        assertThat(now.assessment().revision()).isEqualTo(1);
        assertThat(now.assessment().impact().costs().get(0).amount()).isEqualByComparingTo("120000");
        assertThat(now.history()).hasSize(6);

        // as known before the decision was recorded: submitted
        assertThat(queries.changeRequest(new FindChangeRequestQuery("P", "CR-1", point(null, T3)))
                        .orElseThrow()
                        .summary()
                        .status())
                .isEqualTo(ChangeRequestStatus.SUBMITTED);
        // as of 2 November, as known now: taken up that day, assessed only on the 3rd
        assertThat(queries.changeRequest(
                                new FindChangeRequestQuery("P", "CR-1", point(LocalDate.of(2026, 11, 2), null)))
                        .orElseThrow()
                        .summary()
                        .status())
                .isEqualTo(ChangeRequestStatus.UNDER_ASSESSMENT);
        // the register counts by status, at each point
        assertThat(queries.register(new FindChangeRequestsQuery("P", null, point(null, null)))
                        .orElseThrow()
                        .byStatus())
                .containsEntry("APPROVED", 1L);
        assertThat(queries.register(new FindChangeRequestsQuery("P", ChangeRequestStatus.REJECTED, point(null, null)))
                        .orElseThrow()
                        .changeRequests())
                .isEmpty();
        // a change request exists only from when it was recorded
        assertThat(queries.changeRequest(new FindChangeRequestQuery("P", "CR-1", point(null, T1.minusSeconds(1)))))
                .isEmpty();
        assertThat(queries.changeRequest(new FindChangeRequestQuery("OTHER", "CR-1", point(null, null))))
                .isEmpty();
    }

    @Test
    void aDecisionTakenBeforeTheRequestWasRecordedShowsTheRequestFromTheDayOfTheDecision() {
        deliver(raised(), 1, T4);
        deliver(new ChangeRequestSubmittedEvent("P", "CR-1", "d-1", "Steering Committee", 1), 2, T4);
        deliver(
                new ChangeRequestDecidedEvent(
                        "P", "CR-1", "d-1", ChangeRequestStatus.APPROVED, LocalDate.of(2026, 10, 5), null),
                3,
                T4,
                CLOCK.startOf(LocalDate.of(2026, 10, 5)));
        assertThat(queries.register(new FindChangeRequestsQuery("P", null, point(LocalDate.of(2026, 10, 10), null)))
                        .orElseThrow()
                        .byStatus())
                .containsEntry("APPROVED", 1L);
    }

    @Test
    void milestonesAreMeasuredAgainstTheBaselineInForceAndALateDependencyIsFlagged() {
        deliver(new MilestoneDefinedEvent("P", "M1", "Go-live", "B. Janssens", LocalDate.of(2027, 6, 30)), 1, T1);
        deliver(new MilestoneDefinedEvent("P", "M2", "Acceptance", "C. Maes", LocalDate.of(2027, 7, 15)), 2, T1);
        deliver(new MilestoneDependencyAddedEvent("P", "M2", "P", "M1"), 3, T1);
        deliver(new ScopeItemAddedEvent("P", "S1", "Kiosks", null, null), 4, T1);
        BaselineContent content = new BaselineContent(
                "EUR",
                List.of(new BaselineScopeItem("S1", "Kiosks")),
                List.of(
                        new BaselineMilestone("M1", "Go-live", LocalDate.of(2027, 6, 30)),
                        new BaselineMilestone("M2", "Acceptance", LocalDate.of(2027, 7, 15))),
                List.of(new BaselineCost("L-DEV", new BigDecimal("1000000"))),
                List.of());
        deliver(
                new BaselineCapturedEvent(
                        "P", 1, "Initial plan", "d-0", null, LocalDate.of(2026, 11, 3), T2, content, content.sha256()),
                5,
                T2);
        deliver(
                new MilestoneForecastChangedEvent(
                        "P", "M1", LocalDate.of(2027, 6, 30), LocalDate.of(2027, 8, 14), "Second hall", "CR-1"),
                6,
                T3);
        deliver(new ScopeItemAddedEvent("P", "S2", "Bag drop", null, "CR-1"), 7, T3);
        deliver(new ScopeItemRemovedEvent("P", "S1", "CR-1"), 8, T3);

        MilestonesView now = queries.milestones(new FindMilestonesQuery("P", point(null, null), null))
                .orElseThrow();
        assertThat(now.baselineNumber()).isEqualTo(1);
        MilestoneView m1 = now.milestones().stream()
                .filter(m -> m.milestoneId().equals("M1"))
                .findFirst()
                .orElseThrow();
        assertThat(m1.baselineDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(m1.forecastDate()).isEqualTo(LocalDate.of(2027, 8, 14));
        assertThat(m1.varianceDays()).isEqualTo(45);
        assertThat(m1.forecasts())
                .singleElement()
                .satisfies(f -> assertThat(f.changeRequestId()).isEqualTo("CR-1"));
        MilestoneView m2 = now.milestones().stream()
                .filter(m -> m.milestoneId().equals("M2"))
                .findFirst()
                .orElseThrow();
        assertThat(m2.flagged()).isTrue(); // M1 (14 Aug) now after M2 (15 Jul), which needs it first
        MilestonesView before = queries.milestones(new FindMilestonesQuery("P", point(null, T2), null))
                .orElseThrow();
        assertThat(before.milestones()).allSatisfy(m -> assertThat(m.flagged()).isFalse());

        BaselinesView baseline = queries.baselines(new FindBaselinesQuery("P", 1, point(null, null)))
                .orElseThrow();
        assertThat(baseline.hashMatches()).isTrue();
        assertThat(baseline.baselines().get(0).contentHash()).isEqualTo(content.sha256());
        assertThat(queries.baselines(new FindBaselinesQuery("P", null, point(null, T1)))
                        .orElseThrow()
                        .baselines())
                .isEmpty();
        assertThat(queries.plan(new FindChangePlanQuery("P", point(null, null)))
                        .orElseThrow()
                        .scope())
                .extracting(ScopeItemView::itemId)
                .containsExactly("S2");
        assertThat(queries.plan(new FindChangePlanQuery("P", point(null, T2)))
                        .orElseThrow()
                        .scope())
                .extracting(ScopeItemView::itemId)
                .containsExactly("S1");
    }

    @Test
    void anExceptionIsOpenUntilTheBoardDecidesIt() {
        ToleranceBreach breach = new ToleranceBreach(
                ToleranceKind.COST,
                "L-OPS",
                new BigDecimal("500000"),
                new BigDecimal("560000"),
                new BigDecimal("60000"),
                new BigDecimal("25000"),
                "EUR",
                null,
                null);
        deliver(new ToleranceExceptionRaisedEvent("P", "EX-1", 1, breach), 1, T1);
        deliver(
                new ToleranceExceptionDecidedEvent(
                        "P", "EX-1", "d-2", ExceptionResponse.EXCEPTION_PLAN, LocalDate.of(2026, 11, 3)),
                2,
                T3);

        assertThat(queries.exceptions(new FindExceptionsQuery("P", true, point(null, null)))
                        .orElseThrow()
                        .exceptions())
                .isEmpty();
        ExceptionsView before = queries.exceptions(new FindExceptionsQuery("P", true, point(null, T2)))
                .orElseThrow();
        assertThat(before.open()).isEqualTo(1);
        assertThat(before.exceptions().get(0).breach().variance()).isEqualByComparingTo("60000");
        ExceptionState decided = queries.exceptions(new FindExceptionsQuery("P", false, point(null, null)))
                .orElseThrow()
                .exceptions()
                .get(0);
        assertThat(decided.status()).isEqualTo(ExceptionState.DECIDED);
        assertThat(decided.response()).isEqualTo(ExceptionResponse.EXCEPTION_PLAN);
        assertThat(decided.decisionId()).isEqualTo("d-2");
    }
}
