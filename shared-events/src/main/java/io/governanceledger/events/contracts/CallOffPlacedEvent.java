package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record CallOffPlacedEvent(String contractId, String programId, String callOffId, String reference,
                                 BigDecimal value, LocalDate placedOn) {
}
