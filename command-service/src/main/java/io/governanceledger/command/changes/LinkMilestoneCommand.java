package io.governanceledger.command.changes;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkMilestoneCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String milestoneId,
        String dependsOnProgramId,
        String dependsOnMilestoneId,
        boolean remove) {}
