package io.governanceledger.events.programs;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProgramClosedEvent(String programId, LocalDate closedOn) {
}
