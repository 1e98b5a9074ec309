package io.governanceledger.command.decisions;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Withdraws an approved decision without replacing it; the reason travels in the event metadata. */
public record RevokeDecisionCommand(@TargetAggregateIdentifier String decisionId,
                                    String programId,
                                    LocalDate revokedOn,
                                    LocalDate effectiveFrom) {
}
