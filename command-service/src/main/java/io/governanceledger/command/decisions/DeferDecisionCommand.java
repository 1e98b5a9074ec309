package io.governanceledger.command.decisions;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The body postpones the decision, optionally until a date when it is to be taken up again. */
public record DeferDecisionCommand(
        @TargetAggregateIdentifier String decisionId, String programId, LocalDate decidedOn, LocalDate deferredUntil) {}
