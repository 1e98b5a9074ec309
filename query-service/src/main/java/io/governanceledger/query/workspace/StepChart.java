package io.governanceledger.query.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A chart of amounts that change on dates, drawn on the server as SVG paths (so it reads without
 * scripts and under a policy that allows no inline script or style): each series a step line, from the
 * first date to the page's "as of" date, which a vertical line marks. The stylesheet gives each series
 * its stroke by its key ({@code series-<key>}); the legend says it in words.
 *
 * @param series one path per series
 * @param markerX where the "as of" line stands
 * @param first the first date drawn
 * @param last the last date drawn
 * @param top the amount at the top of the chart
 */
public record StepChart(List<Series> series, double markerX, LocalDate first, LocalDate last, BigDecimal top) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 220;
    private static final int LEFT = 10;
    private static final int RIGHT = WIDTH - 10;
    private static final int TOP = 10;
    private static final int BOTTOM = HEIGHT - 10;

    /** A series: its key (for its style and its legend) and its SVG path. */
    public record Series(String key, String path) {}

    /** One date on which some amounts changed, with every series' amount from then on. */
    public record Step(LocalDate from, List<BigDecimal> amounts) {}

    /**
     * The chart of {@code steps} (in date order, each with one amount per key), or null when there is no
     * step. The drawing runs to {@code asOf}, or a day past the first step when that is later.
     */
    public static StepChart of(List<String> keys, List<Step> steps, LocalDate asOf) {
        if (steps.isEmpty()) {
            return null;
        }
        LocalDate first = steps.get(0).from();
        LocalDate last = asOf.isAfter(first) ? asOf : first.plusDays(1);
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        BigDecimal top = steps.stream()
                .flatMap(step -> step.amounts().stream())
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ONE, BigDecimal::max);
        Function<LocalDate, Double> x = date -> LEFT
                + (RIGHT - LEFT) * (double) ChronoUnit.DAYS.between(first, date.isAfter(last) ? last : date) / days;
        Function<BigDecimal, Double> y = amount -> BOTTOM
                - (BOTTOM - TOP)
                        * amount.max(BigDecimal.ZERO)
                                .divide(top, 6, RoundingMode.HALF_UP)
                                .doubleValue();
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder d =
                    new StringBuilder(String.format(Locale.ROOT, "M%.1f %.1f", x.apply(first), (double) BOTTOM));
            for (Step step : steps) {
                BigDecimal amount = step.amounts().get(i) == null
                        ? BigDecimal.ZERO
                        : step.amounts().get(i);
                d.append(String.format(Locale.ROOT, " H%.1f V%.1f", x.apply(step.from()), y.apply(amount)));
            }
            d.append(String.format(Locale.ROOT, " H%.1f", x.apply(last)));
            series.add(new Series(keys.get(i), d.toString()));
        }
        return new StepChart(series, x.apply(last), first, last, top);
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
