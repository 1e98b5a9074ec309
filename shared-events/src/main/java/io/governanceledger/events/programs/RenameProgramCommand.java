package io.governanceledger.events.programs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameProgramCommand(@TargetAggregateIdentifier String programId, String name) {
}
