package io.governanceledger.command.programs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameProgramCommand(
        @TargetAggregateIdentifier String programId, String name) {}
