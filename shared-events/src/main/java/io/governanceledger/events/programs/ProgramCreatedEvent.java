package io.governanceledger.events.programs;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProgramCreatedEvent(String programId,
                                  String name,
                                  String sponsor,
                                  LocalDate startDate,
                                  LocalDate plannedEndDate,
                                  String currency) {
}
