package io.governanceledger.command.programs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record CreateProgramCommand(@TargetAggregateIdentifier String programId,
                                   String name,
                                   String sponsor,
                                   LocalDate startDate,
                                   LocalDate plannedEndDate,
                                   String currency) {
}
