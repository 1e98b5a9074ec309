package io.governanceledger.query.timeline;

import java.time.Instant;

/** One event about a record, as a read model keeps it: where it stands on both clocks, and the event. */
public record Fact(long position, Instant recordedAt, Instant effectiveAt, Object event) {
}
