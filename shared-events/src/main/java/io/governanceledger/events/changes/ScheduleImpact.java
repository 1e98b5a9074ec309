package io.governanceledger.events.changes;

/** The change's effect on one milestone, in calendar days: later (positive) or earlier (negative). */
public record ScheduleImpact(String milestoneId, int days) {}
