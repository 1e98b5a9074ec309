package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A program's change requests at a point, by number, with how many there are in each status. */
public record ChangeRegisterView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        Map<String, Long> byStatus,
        List<ChangeRequestSummaryView> changeRequests) {}
