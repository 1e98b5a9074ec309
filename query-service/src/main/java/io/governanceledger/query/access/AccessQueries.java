package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.access.GrantTable;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link FindAccessQuery} from the access read model, for the API and the workspace. */
@Component
class AccessQueries {

    private final GrantTable grants;
    private final JdbcClient jdbc;

    AccessQueries(JdbcClient jdbc) {
        this.grants = new GrantTable(jdbc, "");
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<AccessView> access(FindAccessQuery query) {
        String programId = query.programId();
        PointInTime point = query.point();
        if (programId != null && !recordedBy(programId, point)) {
            return Optional.empty();
        }
        List<GrantTable.GrantInForce> inForce =
                grants.inForce(programId, point.asOf(), point.effectiveAt(), point.knownAt());
        return Optional.of(new AccessView(
                programId,
                point.stated(),
                point.knownAt(),
                inForce,
                programId == null
                        ? List.of()
                        : grants.deputiesInForce(programId, point.asOf(), point.effectiveAt(), point.knownAt())));
    }

    /** The program was recorded by the point's knownAt, whatever its dates (a grant may precede its start). */
    private boolean recordedBy(String programId, PointInTime point) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program_version WHERE record_id = ?"
                        + " AND known_at @> CAST(? AS TIMESTAMPTZ))")
                .params(programId, point.knownAtUtc())
                .query(Boolean.class)
                .single();
    }
}
