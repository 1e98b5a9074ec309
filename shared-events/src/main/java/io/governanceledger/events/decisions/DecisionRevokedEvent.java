package io.governanceledger.events.decisions;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DecisionRevokedEvent(String decisionId, String programId, LocalDate revokedOn, LocalDate effectiveFrom) {}
