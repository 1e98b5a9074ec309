package io.governanceledger.command.programs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CloseProgramCommand(@TargetAggregateIdentifier String programId, LocalDate closedOn) {
}
