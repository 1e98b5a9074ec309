package io.governanceledger.query.workspace.changes;

import io.governanceledger.query.changes.MilestoneView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The milestone timeline drawn on the server as SVG: one row per milestone, its baseline date as a
 * hollow mark, its date now (forecast, or reached) as a filled one, a line between them when they
 * differ, and the page's "as of" date as a vertical line. The stylesheet styles the marks by class;
 * the table beside it says every date in words.
 *
 * @param rows one per milestone, in the page's order
 * @param markerX where the "as of" line stands, or -1 outside the range
 */
public record MilestoneChart(List<Row> rows, double markerX, LocalDate first, LocalDate last, int height) {

    public static final int WIDTH = 720;
    static final int LABEL = 160;
    static final int ROW = 28;
    private static final int RIGHT = WIDTH - 10;

    /** A row: the label's baseline y, and the x of the baseline mark and of the mark now (-1 if none). */
    public record Row(String label, double y, double baselineX, double nowX, boolean reached, boolean late) {

        /** The row's coordinates as the SVG attributes take them. */
        public String yText() {
            return n(y);
        }

        public String labelY() {
            return n(y + 4);
        }

        public String baselineText() {
            return n(baselineX);
        }

        public String nowText() {
            return n(nowX);
        }

        public String markX() {
            return n(nowX - 5);
        }

        public String markY() {
            return n(y - 5);
        }
    }

    /** The chart of the milestones, or null when there are none. */
    public static MilestoneChart of(List<MilestoneView> milestones, LocalDate asOf) {
        List<LocalDate> dates = milestones.stream()
                .flatMap(m -> Stream.of(m.baselineDate(), m.forecastDate(), m.actualDate()))
                .filter(Objects::nonNull)
                .toList();
        if (dates.isEmpty()) {
            return null;
        }
        LocalDate first = Stream.concat(dates.stream(), Stream.of(asOf))
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = Stream.concat(dates.stream(), Stream.of(asOf))
                .max(LocalDate::compareTo)
                .orElseThrow();
        first = first.minusDays(7);
        last = last.plusDays(7);
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneView m = milestones.get(i);
            LocalDate now = m.actualDate() != null ? m.actualDate() : m.forecastDate();
            rows.add(new Row(
                    m.milestoneId(),
                    20 + i * ROW,
                    x(m.baselineDate(), first, days),
                    x(now, first, days),
                    m.actualDate() != null,
                    m.varianceDays() != null && m.varianceDays() > 0));
        }
        return new MilestoneChart(rows, x(asOf, first, days), first, last, 20 + milestones.size() * ROW);
    }

    private static double x(LocalDate date, LocalDate first, long days) {
        if (date == null) {
            return -1;
        }
        return LABEL + (RIGHT - LABEL) * (double) ChronoUnit.DAYS.between(first, date) / days;
    }

    public int width() {
        return WIDTH;
    }

    public int labelX() {
        return LABEL - 8;
    }

    public int left() {
        return LABEL;
    }

    public int right() {
        return RIGHT;
    }

    /** The drawing's height with the row of dates under it. */
    public int fullHeight() {
        return height + 18;
    }

    public int tickY() {
        return height + 12;
    }

    public String markerText() {
        return n(markerX);
    }

    /** An SVG number, written the same in every language. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
