package io.governanceledger.events.budget;

import java.math.BigDecimal;

/**
 * One leg of a booked movement: how much one measure of one line changed. A transfer has two
 * allocation legs that sum to zero; an actual that consumes a commitment has a commitment leg and an
 * actual leg; a reforecast's leg is the change of the estimate at completion.
 */
public record LedgerEntry(String lineId, Measure measure, BigDecimal delta) {

    public enum Measure {
        ALLOCATED,
        COMMITTED,
        ACTUAL,
        FORECAST
    }
}
