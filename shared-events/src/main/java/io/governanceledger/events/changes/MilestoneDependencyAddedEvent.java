package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** The milestone needs another one first, of this program or another. */
@Revision("1")
public record MilestoneDependencyAddedEvent(
        String programId, String milestoneId, String dependsOnProgramId, String dependsOnMilestoneId) {}
