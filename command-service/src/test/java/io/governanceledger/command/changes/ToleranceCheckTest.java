package io.governanceledger.command.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.events.changes.BaselineCost;
import io.governanceledger.events.changes.BaselineMilestone;
import io.governanceledger.events.changes.BaselineScopeItem;
import io.governanceledger.events.changes.CostImpact;
import io.governanceledger.events.changes.ImpactAssessment;
import io.governanceledger.events.changes.ScheduleImpact;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceKind;
import io.governanceledger.events.changes.Tolerances;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToleranceCheckTest {

    private static final LocalDate M1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate M2 = LocalDate.of(2026, 12, 1);

    /** Two lines of 1,000 each, milestones M1 and M2, scope items S1 and S2. */
    private static final BaselineContent BASELINE = new BaselineContent(
            "EUR",
            List.of(new BaselineScopeItem("S1", "Hall"), new BaselineScopeItem("S2", "Bag drop")),
            List.of(new BaselineMilestone("M1", "Shell", M1), new BaselineMilestone("M2", "Opening", M2)),
            List.of(new BaselineCost("L1", amount("1000.00")), new BaselineCost("L2", amount("1000.00"))),
            List.of());

    private static final Map<String, LocalDate> ON_PLAN = Map.of("M1", M1, "M2", M2);
    private static final Set<String> SAME_SCOPE = Set.of("S1", "S2");

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    static Tolerances costAmount(String value) {
        return new Tolerances(amount(value), null, null, null, null);
    }

    static Tolerances costPercent(String value) {
        return new Tolerances(null, amount(value), null, null, null);
    }

    static Map<String, BigDecimal> estimates(String l1, String l2) {
        return Map.of("L1", amount(l1), "L2", amount(l2));
    }

    static List<ToleranceBreach> costBreaches(Tolerances tolerances, Map<String, BigDecimal> estimates) {
        return ToleranceCheck.breaches(tolerances, BASELINE, estimates, ON_PLAN, SAME_SCOPE);
    }

    static List<String> subjects(List<ToleranceBreach> breaches) {
        return breaches.stream()
                .map(breach -> breach.kind() + ":" + breach.subject())
                .toList();
    }

    @Nested
    class Cost {

        @Test
        void eachLineIsMeasuredAgainstItsOwnBaselineCost() {
            // L1 150 over, L2 exactly 100 under; the total, 50 over, is inside
            List<ToleranceBreach> breaches = costBreaches(costAmount("100.00"), estimates("1150.00", "900.00"));
            assertThat(breaches).singleElement().satisfies(breach -> {
                assertThat(breach.kind()).isEqualTo(ToleranceKind.COST);
                assertThat(breach.subject()).isEqualTo("L1");
                assertThat(breach.baseline()).isEqualByComparingTo("1000");
                assertThat(breach.forecast()).isEqualByComparingTo("1150");
                assertThat(breach.variance()).isEqualByComparingTo("150");
                assertThat(breach.allowed()).isEqualByComparingTo("100");
                assertThat(breach.unit()).isEqualTo("EUR");
            });
        }

        @Test
        void theTotalIsMeasuredAgainstTheBaselinesTotal() {
            // each line 90 over is inside; together 180 over is not
            List<ToleranceBreach> breaches = costBreaches(costAmount("100.00"), estimates("1090.00", "1090.00"));
            assertThat(breaches).singleElement().satisfies(breach -> {
                assertThat(breach.subject()).isEqualTo(ToleranceBreach.TOTAL);
                assertThat(breach.baseline()).isEqualByComparingTo("2000");
                assertThat(breach.forecast()).isEqualByComparingTo("2180");
                assertThat(breach.variance()).isEqualByComparingTo("180");
            });
        }

        @ParameterizedTest(name = "L1 at {0} against 1,000 +/- {1}: outside {2}")
        @CsvSource({
            "1100.00, 100.00, false",
            "1099.99, 100.00, false",
            "1100.01, 100.00, true",
            "900.00, 100.00, false",
            "899.99, 100.00, true",
            "1000.00, 0, false",
            "1000.01, 0, true"
        })
        void anAmountToleranceIsInsideUpToAndIncludingTheAmount(String l1, String tolerance, boolean outside) {
            assertThat(subjects(costBreaches(costAmount(tolerance), estimates(l1, "1000.00")))
                            .contains("COST:L1"))
                    .isEqualTo(outside);
        }

        @ParameterizedTest(name = "L1 at {0} against 1,000 +/- {1}%: outside {2}")
        @CsvSource({
            "1050.00, 5, false",
            "1049.99, 5, false",
            "1050.01, 5, true",
            "950.00, 5, false",
            "949.99, 5, true",
            "1000.10, 0.01, false",
            "1000.11, 0.01, true",
            "2000.00, 100, false",
            "2000.01, 100, true"
        })
        void aPercentToleranceIsAShareOfTheBaselineFigure(String l1, String percent, boolean outside) {
            assertThat(subjects(costBreaches(costPercent(percent), estimates(l1, "1000.00")))
                            .contains("COST:L1"))
                    .isEqualTo(outside);
        }

        @Test
        void aPercentToleranceOfTheTotalIsAShareOfTheTotal() {
            // 5% of 2,000 is 100: 50 over on each line is inside both; 50.01 over on each is outside both
            List<ToleranceBreach> breaches = costBreaches(costPercent("5"), estimates("1050.01", "1050.01"));
            assertThat(subjects(breaches)).containsExactly("COST:L1", "COST:L2", "COST:(total)");
            assertThat(breaches.get(2).allowed()).isEqualByComparingTo("100");
            assertThat(costBreaches(costPercent("5"), estimates("1050.00", "1050.00")))
                    .isEmpty();
        }

        @Test
        void aLineAbsentFromTheBaselineCountsFromZero() {
            Map<String, BigDecimal> withNewLine =
                    Map.of("L1", amount("1000.00"), "L2", amount("900.00"), "L3", amount("100.01"));
            List<ToleranceBreach> breaches = costBreaches(costAmount("100.00"), withNewLine);
            assertThat(breaches).singleElement().satisfies(breach -> {
                assertThat(breach.subject()).isEqualTo("L3");
                assertThat(breach.baseline()).isEqualByComparingTo("0");
                assertThat(breach.variance()).isEqualByComparingTo("100.01");
            });
            assertThat(subjects(costBreaches(
                            costAmount("100.00"),
                            Map.of("L1", amount("1000.00"), "L2", amount("900.00"), "L3", amount("100.00")))))
                    .isEmpty();
        }

        @Test
        void aPercentToleranceAllowsNothingOnALineAbsentFromTheBaseline() {
            Map<String, BigDecimal> withNewLine =
                    Map.of("L1", amount("1000.00"), "L2", amount("999.99"), "L3", amount("0.01"));
            assertThat(subjects(costBreaches(costPercent("5"), withNewLine))).containsExactly("COST:L3");
        }

        @Test
        void withoutEstimatesCostIsNotChecked() {
            assertThat(ToleranceCheck.breaches(costAmount("0"), BASELINE, null, ON_PLAN, SAME_SCOPE))
                    .isEmpty();
        }

        @Test
        void withoutACostToleranceCostIsNotChecked() {
            Tolerances timeOnly = new Tolerances(null, null, 5, null, null);
            assertThat(ToleranceCheck.breaches(timeOnly, BASELINE, estimates("9999.00", "0.00"), ON_PLAN, SAME_SCOPE))
                    .isEmpty();
        }
    }

    @Nested
    class Time {

        private final Tolerances tenDays = new Tolerances(null, null, 10, null, null);

        private List<ToleranceBreach> withM1On(LocalDate date, Tolerances tolerances) {
            return ToleranceCheck.breaches(tolerances, BASELINE, null, Map.of("M1", date, "M2", M2), SAME_SCOPE);
        }

        @ParameterizedTest(name = "M1 {0} days off with 10 days allowed: outside {1}")
        @CsvSource({"10, false", "9, false", "11, true", "-10, false", "-9, false", "-11, true", "0, false"})
        void aMilestoneIsOutsideOnlyBeyondTheDaysAllowed(int days, boolean outside) {
            assertThat(withM1On(M1.plusDays(days), tenDays)).hasSize(outside ? 1 : 0);
        }

        @Test
        void aTimeBreachCarriesBothDates() {
            assertThat(withM1On(M1.plusDays(11), tenDays)).singleElement().satisfies(breach -> {
                assertThat(breach.kind()).isEqualTo(ToleranceKind.TIME);
                assertThat(breach.subject()).isEqualTo("M1");
                assertThat(breach.baselineDate()).isEqualTo(M1);
                assertThat(breach.forecastDate()).isEqualTo(M1.plusDays(11));
                assertThat(breach.variance()).isEqualByComparingTo("11");
                assertThat(breach.allowed()).isEqualByComparingTo("10");
                assertThat(breach.unit()).isEqualTo("days");
            });
        }

        @Test
        void aMilestoneIsMeasuredOnTheDateItWasReachedWhenThereIsOne() {
            PlanRules.Milestone forecast = new PlanRules.Milestone("M1", "Shell", M1, null, Set.of());
            PlanRules.Milestone reached = forecast.reachedOn(M1.plusDays(20));
            assertThat(forecast.dateNow()).isEqualTo(M1);
            assertThat(reached.dateNow()).isEqualTo(M1.plusDays(20));
            // a later reforecast does not move a reached milestone
            assertThat(reached.forecastOn(M1).dateNow()).isEqualTo(M1.plusDays(20));
            assertThat(withM1On(reached.dateNow(), tenDays)).hasSize(1);
        }

        @Test
        void milestonesOutsideTheBaselineOrWithoutADateAreNotMeasured() {
            BaselineContent undated = new BaselineContent(
                    "EUR", List.of(), List.of(new BaselineMilestone("M1", "Shell", null)), List.of(), List.of());
            assertThat(ToleranceCheck.breaches(
                            tenDays, undated, null, Map.of("M1", M1.plusDays(99), "M3", M1), Set.of()))
                    .isEmpty();
            assertThat(ToleranceCheck.breaches(tenDays, BASELINE, null, Map.of("M3", M1.plusDays(99)), SAME_SCOPE))
                    .isEmpty();
        }
    }

    @Nested
    class Scope {

        private final Tolerances twoItems = new Tolerances(null, null, null, 2, null);

        private List<ToleranceBreach> withScope(String... items) {
            return ToleranceCheck.breaches(twoItems, BASELINE, null, ON_PLAN, Set.of(items));
        }

        @Test
        void addedAndRemovedItemsCountTogether() {
            assertThat(withScope("S1", "S2", "S3")).isEmpty();
            assertThat(withScope("S2", "S3")).isEmpty();
            assertThat(withScope("S2", "S3", "S4")).singleElement().satisfies(breach -> {
                assertThat(breach.kind()).isEqualTo(ToleranceKind.SCOPE);
                assertThat(breach.subject()).isEqualTo(ToleranceBreach.SCOPE);
                assertThat(breach.baseline()).isEqualByComparingTo("2");
                assertThat(breach.forecast()).isEqualByComparingTo("3");
                assertThat(breach.variance()).isEqualByComparingTo("3");
                assertThat(breach.allowed()).isEqualByComparingTo("2");
                assertThat(breach.unit()).isEqualTo("items");
            });
        }

        @Test
        void replacingAnItemCountsTwiceThoughTheCountIsUnchanged() {
            Tolerances oneItem = new Tolerances(null, null, null, 1, null);
            assertThat(ToleranceCheck.breaches(oneItem, BASELINE, null, ON_PLAN, Set.of("S1", "S3")))
                    .singleElement()
                    .satisfies(breach -> assertThat(breach.variance()).isEqualByComparingTo("2"));
        }

        @Test
        void removingEverythingCountsEachItem() {
            assertThat(withScope()).isEmpty();
            Tolerances oneItem = new Tolerances(null, null, null, 1, null);
            assertThat(ToleranceCheck.breaches(oneItem, BASELINE, null, ON_PLAN, Set.of()))
                    .hasSize(1);
        }
    }

    @Nested
    class NothingToMeasure {

        @Test
        void withoutTolerancesOrBaselineNothingIsOutside() {
            assertThat(ToleranceCheck.breaches(null, BASELINE, estimates("0", "0"), Map.of(), Set.of()))
                    .isEmpty();
            assertThat(ToleranceCheck.breaches(costAmount("0"), null, estimates("5", "5"), Map.of(), Set.of()))
                    .isEmpty();
        }
    }

    @Nested
    class ApprovedPlan {

        private final Tolerances tolerances = new Tolerances(amount("100.00"), null, 10, null, null);

        private ImpactAssessment impact(List<CostImpact> costs, List<ScheduleImpact> schedule) {
            return new ImpactAssessment(costs, schedule, null, null, null, null);
        }

        @Test
        void withoutApprovedChangesThePlanIsTheBaseline() {
            assertThat(ToleranceCheck.approvedPlan(BASELINE, List.of())).isSameAs(BASELINE);
        }

        @Test
        void approvedChangesAddUpLineByLineAndMilestoneByMilestone() {
            BaselineContent plan = ToleranceCheck.approvedPlan(
                    BASELINE,
                    List.of(
                            impact(
                                    List.of(
                                            new CostImpact("L1", amount("500.00")),
                                            new CostImpact("L3", amount("50.00"))),
                                    List.of(new ScheduleImpact("M1", 30))),
                            impact(
                                    List.of(new CostImpact("L1", amount("-100.00"))),
                                    List.of(new ScheduleImpact("M1", -5), new ScheduleImpact("M2", 7)))));
            assertThat(plan.costs())
                    .extracting(BaselineCost::lineId, cost -> cost.amount().setScale(2))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("L1", amount("1400.00")),
                            org.assertj.core.groups.Tuple.tuple("L2", amount("1000.00")),
                            org.assertj.core.groups.Tuple.tuple("L3", amount("50.00")));
            assertThat(plan.milestones())
                    .extracting(BaselineMilestone::milestoneId, BaselineMilestone::date)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("M1", M1.plusDays(25)),
                            org.assertj.core.groups.Tuple.tuple("M2", M2.plusDays(7)));
            assertThat(plan.scope()).isEqualTo(BASELINE.scope());
            assertThat(plan.currency()).isEqualTo("EUR");
        }

        @Test
        void aForecastWithinToleranceOfTheApprovedPlanIsNotOutside() {
            List<ImpactAssessment> approved = List.of(impact(List.of(), List.of(new ScheduleImpact("M1", 30))));
            assertThat(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, null, Map.of("M1", M1.plusDays(30), "M2", M2), SAME_SCOPE))
                    .isEmpty();
            assertThat(ToleranceCheck.breaches(
                            tolerances, BASELINE, null, Map.of("M1", M1.plusDays(30), "M2", M2), SAME_SCOPE))
                    .hasSize(1);
        }

        @Test
        void aForecastWithinToleranceOfTheBaselineIsNotOutside() {
            List<ImpactAssessment> approved = List.of(impact(List.of(), List.of(new ScheduleImpact("M1", 30))));
            assertThat(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, null, Map.of("M1", M1.plusDays(2), "M2", M2), SAME_SCOPE))
                    .isEmpty();
        }

        @Test
        void aForecastOutsideBothIsReportedWithTheApprovedPlansFigures() {
            List<ImpactAssessment> approved = List.of(impact(List.of(), List.of(new ScheduleImpact("M1", 30))));
            assertThat(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, null, Map.of("M1", M1.plusDays(41), "M2", M2), SAME_SCOPE))
                    .singleElement()
                    .satisfies(breach -> {
                        assertThat(breach.baselineDate()).isEqualTo(M1.plusDays(30));
                        assertThat(breach.variance()).isEqualByComparingTo("11");
                    });
        }

        @Test
        void costWithinToleranceOfEitherIsNotOutside() {
            List<ImpactAssessment> approved =
                    List.of(impact(List.of(new CostImpact("L1", amount("500.00"))), List.of()));
            assertThat(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, estimates("1500.00", "1000.00"), ON_PLAN, SAME_SCOPE))
                    .isEmpty();
            assertThat(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, estimates("1000.00", "1000.00"), ON_PLAN, SAME_SCOPE))
                    .isEmpty();
            assertThat(subjects(ToleranceCheck.outside(
                            tolerances, BASELINE, approved, estimates("1600.01", "1000.00"), ON_PLAN, SAME_SCOPE)))
                    .containsExactly("COST:L1", "COST:(total)");
        }

        @Test
        void aScopeBreachIsTheSameAgainstEither() {
            Tolerances oneItem = new Tolerances(null, null, null, 1, null);
            List<ImpactAssessment> approved = List.of(impact(List.of(), List.of(new ScheduleImpact("M1", 30))));
            assertThat(ToleranceCheck.outside(oneItem, BASELINE, approved, null, ON_PLAN, Set.of("S3")))
                    .singleElement()
                    .satisfies(breach -> assertThat(breach.variance()).isEqualByComparingTo("3"));
        }
    }
}
