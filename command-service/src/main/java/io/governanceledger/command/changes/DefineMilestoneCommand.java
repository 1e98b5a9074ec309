package io.governanceledger.command.changes;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineMilestoneCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String milestoneId,
        String name,
        String owner,
        LocalDate plannedDate) {}
