package io.governanceledger.query.pointintime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.governanceledger.support.web.EdgeInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The point in effective time a view is asked for: a business date (facts effective by the end of
 * that day) or an instant (facts effective by that instant). Written as given: {@code 2026-03-31} or
 * {@code 2026-03-31T10:15:00Z}.
 */
public record AsOf(LocalDate date, Instant instant) {

    public AsOf {
        if ((date == null) == (instant == null)) {
            throw new IllegalArgumentException("an asOf is a date or an instant");
        }
        int year = date != null
                ? date.getYear()
                : instant.atZone(java.time.ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("an asOf lies between the years 1 and 9999");
        }
    }

    public static AsOf of(LocalDate date) {
        return date == null ? null : new AsOf(date, null);
    }

    public static AsOf of(Instant instant) {
        return instant == null ? null : new AsOf(null, instant);
    }

    /** {@code YYYY-MM-DD} or an ISO-8601 instant; anything else is refused. */
    @JsonCreator
    public static AsOf parse(String text) {
        try {
            return text.length() == 10 ? of(LocalDate.parse(text)) : of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is neither a date (YYYY-MM-DD) nor an instant " + "(YYYY-MM-DDThh:mm:ssZ)", e);
        }
    }

    /** As a request gives it: the edge's rules for a view point (strict forms, years 1 to 9999). */
    public static AsOf point(String text) {
        return EdgeInput.pointDateOrInstant(text, AsOf::of, AsOf::of);
    }

    @JsonValue
    @Override
    public String toString() {
        return date != null ? date.toString() : instant.toString();
    }
}
