package io.governanceledger.events.decisions;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a proposed decision in a program's decision log. */
public record RecordDecisionCommand(@TargetAggregateIdentifier String decisionId,
                                    String programId,
                                    DecisionDetails details) {
}
