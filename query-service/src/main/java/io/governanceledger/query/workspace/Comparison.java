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

    public long differences() {
        return fields.stream().filter(Field::differs).count();
    }
}
