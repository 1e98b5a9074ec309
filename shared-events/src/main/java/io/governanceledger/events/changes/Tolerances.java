package io.governanceledger.events.changes;

import java.math.BigDecimal;

/**
 * The program's tolerances against its current baseline (PRINCE2), each optional: cost as an amount
 * or a percentage of the baseline cost (for each budget line and for the total), time in days (for
 * each milestone), scope as a number of items added or removed. A forecast outside one (strictly
 * beyond) is an exception.
 */
public record Tolerances(
        BigDecimal costAmount,
        BigDecimal costPercent,
        Integer timeDays,
        Integer scopeItems,
        ExceptionPolicy costExceptionPolicy) {}
