package io.governanceledger.query.audit;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;

/**
 * One page of a program's audit trail in ledger order, as recorded by {@code knownAt} and, when
 * {@code asOf} is given, effective by then; {@code total} matches the filter.
 */
public record AuditTrailView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        long total,
        int offset,
        int limit,
        List<AuditEntryView> entries) {}
