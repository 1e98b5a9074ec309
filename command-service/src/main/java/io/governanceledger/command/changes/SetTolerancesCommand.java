package io.governanceledger.command.changes;

import io.governanceledger.events.changes.Tolerances;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetTolerancesCommand(
        @TargetAggregateIdentifier String changesId, String programId, String decisionId, Tolerances tolerances) {}
