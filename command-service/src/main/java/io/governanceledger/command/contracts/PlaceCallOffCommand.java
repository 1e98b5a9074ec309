package io.governanceledger.command.contracts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

public record PlaceCallOffCommand(@TargetAggregateIdentifier String contractId, String programId, String callOffId,
                                  String reference, BigDecimal value, LocalDate placedOn) {
}
