package io.governanceledger.command.programs;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseProgramCommand(@TargetAggregateIdentifier String programId, LocalDate closedOn) {}
