package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.budget.BurnView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The burn chart drawn on the server as SVG, so it reads without scripts and under a policy that allows
 * no inline script or style: allocated, committed and actual as steps over business time, from the
 * first change to the page's "as of" date, which a vertical line marks.
 *
 * @param allocated the path of the allocated total ({@code d} of an SVG path)
 * @param asOfX     where the "as of" line stands
 * @param first     the first date drawn
 * @param last      the last date drawn (the "as of" date, or the last change after it)
 * @param top       the amount at the top of the chart
 */
public record BurnChart(
        String allocated,
        String committed,
        String actual,
        double asOfX,
        LocalDate first,
        LocalDate last,
        BigDecimal top) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 220;
    public static final int LEFT = 10;
    public static final int RIGHT = WIDTH - 10;
    public static final int TOP = 10;
    public static final int BOTTOM = HEIGHT - 10;

    /** The chart of {@code burn}, or null when nothing was booked by the point. */
    public static BurnChart of(BurnView burn, LocalDate asOf) {
        List<BurnView.Step> steps = burn.steps();
        if (steps.isEmpty()) {
            return null;
        }
        LocalDate first = steps.get(0).from();
        LocalDate last = asOf.isAfter(first) ? asOf : first.plusDays(1);
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        BigDecimal top = steps.stream()
                .map(step -> step.allocated().max(step.committed()).max(step.actual()))
                .reduce(BigDecimal.ONE, BigDecimal::max);
        Function<LocalDate, Double> x =
                date -> LEFT + (RIGHT - LEFT) * (double) ChronoUnit.DAYS.between(first, date) / days;
        Function<BigDecimal, Double> y = amount -> BOTTOM
                - (BOTTOM - TOP) * amount.divide(top, 6, RoundingMode.HALF_UP).doubleValue();
        return new BurnChart(
                path(steps, BurnView.Step::allocated, x, y, last),
                path(steps, BurnView.Step::committed, x, y, last),
                path(steps, BurnView.Step::actual, x, y, last),
                x.apply(last),
                first,
                last,
                top);
    }

    private static String path(
            List<BurnView.Step> steps,
            Function<BurnView.Step, BigDecimal> measure,
            Function<LocalDate, Double> x,
            Function<BigDecimal, Double> y,
            LocalDate last) {
        StringBuilder d = new StringBuilder();
        d.append(String.format(Locale.ROOT, "M%.1f %.1f", x.apply(steps.get(0).from()), (double) BOTTOM));
        for (BurnView.Step step : steps) {
            d.append(String.format(Locale.ROOT, " H%.1f V%.1f", x.apply(step.from()), y.apply(measure.apply(step))));
        }
        d.append(String.format(Locale.ROOT, " H%.1f", x.apply(last)));
        return d.toString();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int bottom() {
        return BOTTOM;
    }

    public int topY() {
        return TOP;
    }
}
