package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

/** A decision entered the log as proposed; {@code supersedes} names the decision it replaces, if any. */
@Revision("1")
public record DecisionRecordedEvent(String decisionId, String programId, DecisionDetails details, String supersedes) {
}
