package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.AsOf;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's allocated, committed and actual totals from each date on which one of them changed, up
 * to {@code asOf}, as recorded by {@code knownAt}: the burn chart's data.
 */
public record BurnView(String programId, AsOf asOf, Instant knownAt, String currency, List<Step> steps) {

    /** The totals from {@code from} until the next step. */
    public record Step(LocalDate from, BigDecimal allocated, BigDecimal committed, BigDecimal actual) {}
}
