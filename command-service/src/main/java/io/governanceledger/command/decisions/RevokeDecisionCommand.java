package io.governanceledger.command.decisions;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an approved decision without replacing it; the reason travels in the event metadata. */
public record RevokeDecisionCommand(
        @TargetAggregateIdentifier String decisionId, String programId, LocalDate revokedOn, LocalDate effectiveFrom) {}
