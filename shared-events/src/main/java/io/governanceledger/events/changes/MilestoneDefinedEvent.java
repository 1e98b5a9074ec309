package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A milestone of the program, with its owner and the date it is planned for (its first forecast). */
@Revision("1")
public record MilestoneDefinedEvent(
        String programId, String milestoneId, String name, String owner, LocalDate plannedDate) {}
