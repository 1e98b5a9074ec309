package io.governanceledger.query.workspace;

import io.governanceledger.query.pointintime.PointInTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One record at two points, side by side: each field's value at A and at B (marked where they differ),
 * and the events that explain the differences: those in view at one point and not at the other.
 *
 * @param a      the first point
 * @param b      the second point
 * @param fields label, value at A, value at B
 * @param events the events in view at exactly one of the points, in ledger order, each saying at which
 */
public record Comparison(PointInTime a, PointInTime b, List<Field> fields, List<Event> events) {

    public record Field(String label, String atA, String atB) {
        public boolean differs() {
            return !Objects.equals(atA, atB);
        }
    }

    /** An event in view at one of the points only ({@code onlyAt} "A" or "B"). */
    public record Event(
            long position,
            String type,
            String actor,
            java.time.Instant recordedAt,
            java.time.Instant effectiveAt,
            String reason,
            String onlyAt) {}

    /** Builds the list of fields, each added with its label key and its values at both points. */
    public static final class Fields {
        private final List<Field> fields = new ArrayList<>();

        public Fields add(String label, Object atA, Object atB) {
            fields.add(new Field(label, atA == null ? null : atA.toString(), atB == null ? null : atB.toString()));
            return this;
        }

        public List<Field> list() {
            return List.copyOf(fields);
        }
    }

    /** The two points a compare page's fields name ({@code aAsOf}, {@code aKnownAt}, {@code bAsOf}, {@code bKnownAt}). */
    public record Points(String aAsOf, String aKnownAt, String bAsOf, String bKnownAt) {

        public PointInTime a(io.governanceledger.support.time.BusinessClock clock) {
            return PointFields.point(aAsOf, aKnownAt, clock);
        }

        public PointInTime b(io.governanceledger.support.time.BusinessClock clock) {
            return PointFields.point(bAsOf, bKnownAt, clock);
        }

        /** Puts what the compare page shows besides the comparison: the fields as given, and whether one was refused. */
        public void show(org.springframework.ui.Model model, io.governanceledger.support.time.BusinessClock clock) {
            model.addAttribute("fields", new String[] {aAsOf, aKnownAt, bAsOf, bKnownAt});
            model.addAttribute(
                    "refused",
                    PointFields.refusedDate(aAsOf)
                            || PointFields.refusedDate(bAsOf)
                            || PointFields.refusedKnownAt(aKnownAt, clock)
                            || PointFields.refusedKnownAt(bKnownAt, clock));
        }
    }

    /** The events of two lists that only one holds (by key), each marked with the point that sees it, in order. */
    public static <T> List<Event> onlyAtOne(
            List<T> atA,
            List<T> atB,
            java.util.function.Function<T, Object> key,
            java.util.function.BiFunction<T, String, Event> event) {
        java.util.Set<Object> keysA = atA.stream().map(key).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Object> keysB = atB.stream().map(key).collect(java.util.stream.Collectors.toSet());
        List<Event> events = new ArrayList<>();
        atA.stream()
                .filter(item -> !keysB.contains(key.apply(item)))
                .forEach(item -> events.add(event.apply(item, "A")));
        atB.stream()
                .filter(item -> !keysA.contains(key.apply(item)))
                .forEach(item -> events.add(event.apply(item, "B")));
        events.sort(java.util.Comparator.comparing(
                        Event::recordedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparingLong(Event::position));
        return events;
    }

    public long differences() {
        return fields.stream().filter(Field::differs).count();
    }
}
