package io.governanceledger.query.timeline;

import java.time.Instant;

/** One event about a record, as a read model keeps it: where it stands on both clocks, who and why, and the event. */
public record Fact(long position, Instant recordedAt, Instant effectiveAt, String actor, String reason, Object event) {}
