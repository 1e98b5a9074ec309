package io.governanceledger.events.audit;

import java.util.List;

/** One page of a program's audit trail in global order; {@code total} matches the filter. */
public record AuditTrailView(String programId, long total, int offset, int limit, List<AuditEntryView> entries) {
}
