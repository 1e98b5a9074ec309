package io.governanceledger.command.programs;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateProgramCommand(
        @TargetAggregateIdentifier String programId,
        String name,
        String sponsor,
        LocalDate startDate,
        LocalDate plannedEndDate,
        String currency) {}
