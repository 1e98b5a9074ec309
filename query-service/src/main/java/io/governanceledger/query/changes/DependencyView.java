package io.governanceledger.query.changes;

/** A milestone another needs first (of this program or another). */
public record DependencyView(String programId, String milestoneId) {}
