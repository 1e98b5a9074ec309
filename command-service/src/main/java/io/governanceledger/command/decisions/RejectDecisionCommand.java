package io.governanceledger.command.decisions;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectDecisionCommand(
        @TargetAggregateIdentifier String decisionId, String programId, LocalDate decidedOn) {}
