package io.governanceledger.events.decisions;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DecisionRejectedEvent(String decisionId, String programId, LocalDate decidedOn) {}
