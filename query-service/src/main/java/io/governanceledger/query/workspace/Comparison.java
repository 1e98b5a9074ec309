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

    /** What a compare page says of one record, as it stood at A and at B (empty where it did not exist). */
    public static final class Of<T> {
        private final java.util.Optional<T> atA;
        private final java.util.Optional<T> atB;
        private final List<Field> fields = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();

        Of(java.util.Optional<T> atA, java.util.Optional<T> atB) {
            this.atA = atA;
            this.atB = atB;
        }

        /** A field: its label key and what {@code value} gives at each point. */
        public Of<T> field(String label, java.util.function.Function<T, Object> value) {
            Object a = atA.map(value).orElse(null);
            Object b = atB.map(value).orElse(null);
            fields.add(new Field(label, a == null ? null : a.toString(), b == null ? null : b.toString()));
            return this;
        }

        /** The record's events (by {@code key}) that only one of the points sees. */
        public <E> Of<T> events(
                java.util.function.Function<T, List<E>> list,
                java.util.function.Function<E, Object> key,
                java.util.function.BiFunction<E, String, Event> event) {
            events.addAll(
                    onlyAtOne(atA.map(list).orElse(List.of()), atB.map(list).orElse(List.of()), key, event));
            return this;
        }

        Comparison at(PointInTime a, PointInTime b) {
            return new Comparison(a, b, List.copyOf(fields), List.copyOf(events));
        }

        java.util.Optional<T> latest() {
            return atB.or(() -> atA);
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
