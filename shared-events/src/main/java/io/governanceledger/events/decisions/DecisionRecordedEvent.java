package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

/**
 * A decision entered the log as proposed; {@code supersedes} names the decision it replaces, if any.
 * Revision 2: participants have a name and a role ({@link DecisionRecordedEvent1to2Upcaster} reads
 * revision 1, where they were free text).
 */
@Revision("2")
public record DecisionRecordedEvent(String decisionId, String programId, DecisionDetails details, String supersedes) {}
