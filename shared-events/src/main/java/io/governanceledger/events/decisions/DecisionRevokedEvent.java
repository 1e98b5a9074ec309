package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DecisionRevokedEvent(String decisionId, String programId, LocalDate revokedOn, LocalDate effectiveFrom) {
}
