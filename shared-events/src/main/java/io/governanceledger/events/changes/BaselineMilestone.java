package io.governanceledger.events.changes;

import java.time.LocalDate;

/** A milestone's date in a baseline: its forecast when the baseline froze, or the date it was reached. */
public record BaselineMilestone(String milestoneId, String name, LocalDate date) {}
