package io.governanceledger.events.decisions;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The decision no longer applies from {@code effectiveFrom}: {@code supersededBy} replaces it. */
@Revision("1")
public record DecisionSupersededEvent(
        String decisionId, String programId, String supersededBy, LocalDate effectiveFrom) {}
