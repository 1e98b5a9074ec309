package io.governanceledger.events.programs;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgramCreatedEvent(
        String programId,
        String name,
        String sponsor,
        LocalDate startDate,
        LocalDate plannedEndDate,
        String currency) {}
