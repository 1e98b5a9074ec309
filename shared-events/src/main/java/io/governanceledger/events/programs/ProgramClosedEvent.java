package io.governanceledger.events.programs;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgramClosedEvent(String programId, LocalDate closedOn) {}
