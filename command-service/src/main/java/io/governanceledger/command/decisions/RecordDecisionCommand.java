package io.governanceledger.command.decisions;

import io.governanceledger.events.decisions.DecisionDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a proposed decision in a program's decision log. */
public record RecordDecisionCommand(
        @TargetAggregateIdentifier String decisionId, String programId, DecisionDetails details) {}
