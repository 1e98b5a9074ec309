package io.governanceledger.query.workspace;

import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import io.governanceledger.support.web.EdgeInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A point as a page's fields give it: a date ({@code date} field, YYYY-MM-DD) and a date and time in the
 * business zone ({@code datetime-local} field). Empty means today and now; what is not a date, lies
 * outside the dates the ledger keeps, or is a point of knowledge in the future, is refused (empty).
 */
public final class PointFields {

    private PointFields() {}

    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.isBefore(EdgeInput.EARLIEST_DATE) || date.isAfter(EdgeInput.LATEST_DATE)
                    ? Optional.empty()
                    : Optional.of(date);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** The instant a {@code datetime-local} value names in the business zone, if it is not in the future. */
    public static Optional<Instant> knownAt(String text, BusinessClock clock) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant instant =
                    LocalDateTime.parse(text.strip()).atZone(clock.zone()).toInstant();
            return instant.isAfter(clock.now()) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    /** Whether a field holds something that is refused (not empty, and not read). */
    public static boolean refusedDate(String text) {
        return text != null && !text.isBlank() && date(text).isEmpty();
    }

    public static boolean refusedKnownAt(String text, BusinessClock clock) {
        return text != null && !text.isBlank() && knownAt(text, clock).isEmpty();
    }

    /** The point the two fields name; a refused field counts as empty. */
    public static PointInTime point(String asOf, String knownAt, BusinessClock clock) {
        return PointInTime.of(
                date(asOf).map(AsOf::of).orElse(null), knownAt(knownAt, clock).orElse(null), clock);
    }
}
