package io.governanceledger.command.changes;

import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.events.changes.BaselineCost;
import io.governanceledger.events.changes.BaselineMilestone;
import io.governanceledger.events.changes.BaselineScopeItem;
import io.governanceledger.events.changes.ImpactAssessment;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceKind;
import io.governanceledger.events.changes.Tolerances;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The forecasts outside the program's tolerances against a baseline (PRINCE2). "Outside" means
 * strictly beyond, in either direction: a variance equal to the tolerance is inside. The plan a
 * forecast is measured against is the current baseline plus the assessed impacts of the change
 * requests approved since it was captured ({@link #approvedPlan}): a forecast within tolerance of
 * either is not an exception, so neither the change's approval (forecasts still on the baseline) nor
 * its implementation (forecasts on the approved plan) raises one while the next baseline is prepared.
 *
 * <ul>
 *   <li>cost: each budget line's estimate at completion against its baseline cost, and their total
 *       against the baseline's total; the tolerance is an amount, or a percentage of the baseline
 *       figure (a line absent from the baseline has a baseline of zero);
 *   <li>time: each baseline milestone's date now (reached, else forecast) against its baseline date;
 *   <li>scope: the scope items added and removed since the baseline, counted together.
 * </ul>
 */
final class ToleranceCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ToleranceCheck() {}

    /** The breaches outside tolerance of both the baseline and the approved plan, with the approved plan's figures. */
    static List<ToleranceBreach> outside(
            Tolerances tolerances,
            BaselineContent baseline,
            List<ImpactAssessment> approved,
            Map<String, BigDecimal> estimates,
            Map<String, LocalDate> milestoneDates,
            Set<String> scopeItems) {
        List<ToleranceBreach> againstBaseline = breaches(tolerances, baseline, estimates, milestoneDates, scopeItems);
        if (approved.isEmpty()) {
            return againstBaseline;
        }
        Set<String> subjects = new TreeSet<>();
        againstBaseline.forEach(breach -> subjects.add(breach.kind() + ":" + breach.subject()));
        return breaches(tolerances, approvedPlan(baseline, approved), estimates, milestoneDates, scopeItems).stream()
                .filter(breach -> subjects.contains(breach.kind() + ":" + breach.subject()))
                .toList();
    }

    /** The baseline with the cost and schedule impacts of changes approved since, added line by line and milestone by milestone. */
    static BaselineContent approvedPlan(BaselineContent baseline, List<ImpactAssessment> approved) {
        if (approved.isEmpty()) {
            return baseline;
        }
        Map<String, BigDecimal> costs = new TreeMap<>();
        baseline.costs().forEach(cost -> costs.put(cost.lineId(), cost.amount()));
        Map<String, Long> shifts = new TreeMap<>();
        for (ImpactAssessment impact : approved) {
            impact.costs().forEach(cost -> costs.merge(cost.lineId(), cost.amount(), BigDecimal::add));
            impact.schedule().forEach(shift -> shifts.merge(shift.milestoneId(), (long) shift.days(), Long::sum));
        }
        return new BaselineContent(
                baseline.currency(),
                baseline.scope(),
                baseline.milestones().stream()
                        .map(milestone -> milestone.date() == null || !shifts.containsKey(milestone.milestoneId())
                                ? milestone
                                : new BaselineMilestone(
                                        milestone.milestoneId(),
                                        milestone.name(),
                                        milestone.date().plusDays(shifts.get(milestone.milestoneId()))))
                        .toList(),
                costs.entrySet().stream()
                        .map(line -> new BaselineCost(line.getKey(), line.getValue()))
                        .toList(),
                baseline.contracts());
    }

    /**
     * @param estimates each line's estimate at completion, or null to leave cost unchecked
     * @param milestoneDates each milestone's date now
     */
    static List<ToleranceBreach> breaches(
            Tolerances tolerances,
            BaselineContent baseline,
            Map<String, BigDecimal> estimates,
            Map<String, LocalDate> milestoneDates,
            Set<String> scopeItems) {
        List<ToleranceBreach> breaches = new ArrayList<>();
        if (tolerances == null || baseline == null) {
            return breaches;
        }
        if (estimates != null && (tolerances.costAmount() != null || tolerances.costPercent() != null)) {
            cost(tolerances, baseline, estimates, breaches);
        }
        if (tolerances.timeDays() != null) {
            time(tolerances.timeDays(), baseline, milestoneDates, breaches);
        }
        if (tolerances.scopeItems() != null) {
            scope(tolerances.scopeItems(), baseline, scopeItems, breaches);
        }
        return breaches;
    }

    private static void cost(
            Tolerances tolerances,
            BaselineContent baseline,
            Map<String, BigDecimal> estimates,
            List<ToleranceBreach> breaches) {
        Map<String, BigDecimal> planned = new TreeMap<>();
        for (BaselineCost cost : baseline.costs()) {
            planned.put(cost.lineId(), cost.amount());
        }
        Set<String> lines = new TreeSet<>(planned.keySet());
        lines.addAll(estimates.keySet());
        BigDecimal totalForecast = BigDecimal.ZERO;
        for (String line : lines) {
            BigDecimal forecast = estimates.getOrDefault(line, BigDecimal.ZERO);
            totalForecast = totalForecast.add(forecast);
            costBreach(tolerances, baseline.currency(), line, planned.getOrDefault(line, BigDecimal.ZERO), forecast)
                    .ifPresent(breaches::add);
        }
        costBreach(tolerances, baseline.currency(), ToleranceBreach.TOTAL, baseline.totalCost(), totalForecast)
                .ifPresent(breaches::add);
    }

    private static java.util.Optional<ToleranceBreach> costBreach(
            Tolerances tolerances, String currency, String subject, BigDecimal planned, BigDecimal forecast) {
        BigDecimal allowed = tolerances.costAmount() != null
                ? tolerances.costAmount()
                : planned.abs().multiply(tolerances.costPercent()).divide(HUNDRED);
        BigDecimal variance = forecast.subtract(planned);
        if (variance.abs().compareTo(allowed) <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ToleranceBreach(
                ToleranceKind.COST, subject, planned, forecast, variance, allowed, currency, null, null));
    }

    private static void time(
            int days, BaselineContent baseline, Map<String, LocalDate> dates, List<ToleranceBreach> breaches) {
        for (BaselineMilestone milestone : baseline.milestones()) {
            LocalDate now = dates.get(milestone.milestoneId());
            if (now == null || milestone.date() == null) {
                continue;
            }
            long variance = ChronoUnit.DAYS.between(milestone.date(), now);
            if (Math.abs(variance) > days) {
                breaches.add(new ToleranceBreach(
                        ToleranceKind.TIME,
                        milestone.milestoneId(),
                        null,
                        null,
                        BigDecimal.valueOf(variance),
                        BigDecimal.valueOf(days),
                        "days",
                        milestone.date(),
                        now));
            }
        }
    }

    private static void scope(
            int items, BaselineContent baseline, Set<String> scopeItems, List<ToleranceBreach> breaches) {
        Set<String> planned = new TreeSet<>();
        baseline.scope().stream().map(BaselineScopeItem::itemId).forEach(planned::add);
        long added = scopeItems.stream().filter(item -> !planned.contains(item)).count();
        long removed =
                planned.stream().filter(item -> !scopeItems.contains(item)).count();
        long changed = added + removed;
        if (changed > items) {
            breaches.add(new ToleranceBreach(
                    ToleranceKind.SCOPE,
                    ToleranceBreach.SCOPE,
                    BigDecimal.valueOf(planned.size()),
                    BigDecimal.valueOf(scopeItems.size()),
                    BigDecimal.valueOf(changed),
                    BigDecimal.valueOf(items),
                    "items",
                    null,
                    null));
        }
    }
}
