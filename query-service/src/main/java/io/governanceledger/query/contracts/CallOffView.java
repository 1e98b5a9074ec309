package io.governanceledger.query.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

public record CallOffView(String callOffId, String reference, BigDecimal value, LocalDate placedOn) {}
