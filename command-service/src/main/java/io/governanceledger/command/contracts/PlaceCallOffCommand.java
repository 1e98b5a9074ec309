package io.governanceledger.command.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlaceCallOffCommand(
        @TargetAggregateIdentifier String contractId,
        String programId,
        String callOffId,
        String reference,
        BigDecimal value,
        LocalDate placedOn) {}
