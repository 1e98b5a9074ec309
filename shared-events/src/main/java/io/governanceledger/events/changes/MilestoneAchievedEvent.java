package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The milestone was reached on {@code actualDate}. */
@Revision("1")
public record MilestoneAchievedEvent(String programId, String milestoneId, LocalDate actualDate) {}
