package io.governanceledger.events.changes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A forecast outside a tolerance, with the figures: the subject (a budget line's id or {@code
 * "(total)"}; a milestone's id; {@code "scope"}), the baseline and forecast values, the variance and the
 * tolerance it exceeds, in {@code unit} (the currency, {@code days} or {@code items}); for time also
 * the two dates.
 */
public record ToleranceBreach(
        ToleranceKind kind,
        String subject,
        BigDecimal baseline,
        BigDecimal forecast,
        BigDecimal variance,
        BigDecimal allowed,
        String unit,
        LocalDate baselineDate,
        LocalDate forecastDate) {

    /** The subject of the program's total cost: no budget line can have this id (ids start with a letter or digit). */
    public static final String TOTAL = "(total)";

    public static final String SCOPE = "scope";
}
