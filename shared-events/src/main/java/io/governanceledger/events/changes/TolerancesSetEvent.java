package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The program's tolerances, set by an approved decision; they replace the ones before. */
@Revision("1")
public record TolerancesSetEvent(String programId, String decisionId, Tolerances tolerances) {}
