package io.governanceledger.events.changes;

import java.math.BigDecimal;

/** A contract's value when the baseline froze (initial value and the amendments in force). */
public record BaselineContract(String contractId, String reference, BigDecimal value, String currency) {}
