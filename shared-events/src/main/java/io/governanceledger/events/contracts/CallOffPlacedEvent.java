package io.governanceledger.events.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CallOffPlacedEvent(
        String contractId,
        String programId,
        String callOffId,
        String reference,
        BigDecimal value,
        LocalDate placedOn) {}
