package io.governanceledger.query.budget;

import java.math.BigDecimal;

/**
 * Balances of a line or a group of lines. available = allocated - committed - actual; variance =
 * allocated - forecast (null while no forecast is set); burnRatePerMonth = actual spend divided by
 * the months elapsed (of the fiscal year for a line, since the program start for totals).
 */
public record BalanceView(
        BigDecimal allocated,
        BigDecimal committed,
        BigDecimal actual,
        BigDecimal available,
        BigDecimal forecast,
        BigDecimal variance,
        BigDecimal burnRatePerMonth) {}
