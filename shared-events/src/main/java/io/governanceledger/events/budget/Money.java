package io.governanceledger.events.budget;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, exact to the cent. */
public record Money(BigDecimal amount, String currency) {}
