package io.governanceledger.query.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value of the contract's price index, and the reference value it gives the contract from that date. */
public record IndexValueView(LocalDate valueDate, BigDecimal value, BigDecimal referenceValue) {}
