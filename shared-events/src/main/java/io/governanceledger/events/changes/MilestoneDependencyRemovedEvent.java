package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The milestone no longer needs the other one first. */
@Revision("1")
public record MilestoneDependencyRemovedEvent(
        String programId, String milestoneId, String dependsOnProgramId, String dependsOnMilestoneId) {}
