package io.governanceledger.query.pointintime;

import io.governanceledger.query.timeline.RecordVersions;
import io.governanceledger.support.time.BusinessClock;
import io.governanceledger.support.web.RecordNotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A point on both clocks: facts effective up to {@code effectiveAt} and recorded up to and including
 * {@code knownAt}.
 *
 * @param stated      the effective point as asked (a date or an instant), stated in answers
 * @param asOf        the business date of the effective point, for facts that carry dates
 * @param effectiveAt the last instant of an asked date in the business calendar (to the microsecond),
 *                    or the asked instant
 * @param askedAsOf   the effective point as the request gave it, null where it gave none
 * @param askedKnownAt the point of knowledge as the request gave it, null where it gave none
 */
public record PointInTime(
        AsOf stated, LocalDate asOf, Instant knownAt, Instant effectiveAt, AsOf askedAsOf, Instant askedKnownAt) {

    /** Absent values mean today and now. */
    public static PointInTime of(AsOf asOf, Instant knownAt, BusinessClock clock) {
        Instant known = (knownAt != null ? knownAt : clock.now()).truncatedTo(ChronoUnit.MICROS);
        if (asOf != null && asOf.instant() != null) {
            Instant effective = asOf.instant().truncatedTo(ChronoUnit.MICROS);
            return new PointInTime(asOf, effective.atZone(clock.zone()).toLocalDate(), known, effective, asOf, knownAt);
        }
        LocalDate date = asOf != null ? asOf.date() : clock.today();
        return new PointInTime(
                AsOf.of(date), date, known, clock.startOf(date.plusDays(1)).minus(1, ChronoUnit.MICROS), asOf, knownAt);
    }

    /** A business date (the end of that day) and an instant, as the command side and reports give them. */
    public static PointInTime of(LocalDate asOf, Instant knownAt, BusinessClock clock) {
        return of(AsOf.of(asOf), knownAt, clock);
    }

    /** Whether the effective point was asked for (the audit trail, unasked, is not cut by it). */
    public boolean asOfGiven() {
        return askedAsOf != null;
    }

    public OffsetDateTime knownAtUtc() {
        return RecordVersions.utc(knownAt);
    }

    public OffsetDateTime effectiveAtUtc() {
        return RecordVersions.utc(effectiveAt);
    }

    /** No program {@code programId} at this point; the answer names the point the request asked for. */
    public RecordNotFoundException unknownProgram(String programId) {
        return RecordNotFoundException.unknownProgram(programId, askedAsOf, askedKnownAt);
    }

    /** {@code what} (the record {@code field} names) is not there at this point, named as asked for. */
    public RecordNotFoundException notFound(String field, String what) {
        return RecordNotFoundException.notAt(field, what, askedAsOf, askedKnownAt);
    }
}
