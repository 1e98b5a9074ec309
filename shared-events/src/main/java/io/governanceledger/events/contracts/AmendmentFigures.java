package io.governanceledger.events.contracts;

import java.math.BigDecimal;

/**
 * The figures an amendment was judged on, kept with the verdict so an auditor can redo the check:
 * the reference value (indexed initial value), the EU threshold in force on the signing date, the
 * percentage cap and its amount, and the cumulative de minimis value counted both ways.
 */
public record AmendmentFigures(
        BigDecimal referenceValue,
        BigDecimal euThreshold,
        BigDecimal capShare,
        BigDecimal capAmount,
        BigDecimal netCumulative,
        BigDecimal absoluteCumulative,
        BigDecimal countedCumulative) {}
