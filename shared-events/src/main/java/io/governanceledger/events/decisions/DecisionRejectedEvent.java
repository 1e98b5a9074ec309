package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DecisionRejectedEvent(String decisionId, String programId, LocalDate decidedOn) {
}
