package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.support.access.GrantTable;
import java.time.Instant;
import java.util.List;

/**
 * Who could read or change a program (or, without one, the whole portfolio) at the point asked: the
 * grants in force on {@code asOf} as recorded by {@code knownAt}, and the deputies who could act for
 * someone. A grant to a group counts for every member the identity provider names in their tokens.
 */
public record AccessView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        List<GrantTable.GrantInForce> grants,
        List<GrantTable.DeputyInForce> deputies) {}
