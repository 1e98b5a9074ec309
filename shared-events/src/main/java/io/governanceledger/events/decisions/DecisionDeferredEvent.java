package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DecisionDeferredEvent(String decisionId, String programId, LocalDate decidedOn, LocalDate deferredUntil) {
}
