package io.governanceledger.query.contracts;

import java.math.BigDecimal;

/**
 * Accepted de minimis modifications so far, counted both ways, and as percentages of the reference
 * value; {@code counted} is the one the contract's policy gates on, {@code limitPercent} the share cap.
 */
public record DeMinimisUsageView(
        BigDecimal netCumulative,
        BigDecimal absoluteCumulative,
        BigDecimal counted,
        BigDecimal netPercentOfReference,
        BigDecimal absolutePercentOfReference,
        BigDecimal limitPercent) {}
