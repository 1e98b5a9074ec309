package io.governanceledger.query.timeline;

import io.governanceledger.support.time.BusinessClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A point on both clocks: the business date {@code asOf} (facts effective up to the end of that day)
 * and the recorded instant {@code knownAt} (facts recorded up to and including it).
 *
 * @param effectiveAt the last instant of {@code asOf} in the business calendar, to the microsecond
 */
public record PointInTime(LocalDate asOf, Instant knownAt, Instant effectiveAt) {

    /** Absent values mean today and now. */
    public static PointInTime of(LocalDate asOf, Instant knownAt, BusinessClock clock) {
        LocalDate date = asOf != null ? asOf : clock.today();
        Instant known = knownAt != null ? knownAt : clock.now();
        return new PointInTime(date, known, clock.startOf(date.plusDays(1)).minus(1, ChronoUnit.MICROS));
    }

    public OffsetDateTime knownAtUtc() {
        return RecordVersions.utc(knownAt);
    }

    public OffsetDateTime effectiveAtUtc() {
        return RecordVersions.utc(effectiveAt);
    }
}
