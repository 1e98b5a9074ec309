package io.governanceledger.command.decisions;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RejectDecisionCommand(@TargetAggregateIdentifier String decisionId,
                                    String programId,
                                    LocalDate decidedOn) {
}
