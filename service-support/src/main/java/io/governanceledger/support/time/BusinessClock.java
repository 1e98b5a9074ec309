package io.governanceledger.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The server's clock read in the program's business calendar: "today" for date rules, and where a
 * business date starts as an instant, so effective dates and effective instants agree everywhere.
 */
public record BusinessClock(Clock clock, ZoneId zone) {

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return clock.instant();
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /**
     * The business date an instant falls on; an instant beyond the dates Java can hold (a ledger written
     * before the edge bounded them may carry one) falls on the first or last of them.
     */
    public LocalDate dateOf(Instant instant) {
        if (instant.isAfter(LocalDate.MAX.minusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
            return LocalDate.MAX;
        }
        if (instant.isBefore(LocalDate.MIN.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
            return LocalDate.MIN;
        }
        return instant.atZone(zone).toLocalDate();
    }
}
