package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.access.GrantTable;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Access")
class AccessReadController {

    private final GrantTable grants;
    private final JdbcClient jdbc;

    AccessReadController(JdbcClient jdbc) {
        this.grants = new GrantTable(jdbc, "");
        this.jdbc = jdbc;
    }

    @GetMapping("/api/programs/{programId}/access")
    @Requires(Right.READ_ACCESS)
    @Operation(
            summary = "Who could read or change the program on asOf (a date, default today; an instant for a moment "
                    + "within a day) according to what was recorded by knownAt (an instant, default now): the grants "
                    + "in force, the program's own and the portfolio-wide ones")
    AccessView program(@PathVariable String programId, PointInTime point) {
        if (!recordedBy(programId, point)) {
            throw RecordNotFoundException.unknownProgram(programId, point.askedAsOf(), point.askedKnownAt());
        }
        return view(programId, point);
    }

    @GetMapping("/api/access/grants")
    @Requires(Right.READ_PORTFOLIO_ACCESS)
    @Operation(
            summary = "The portfolio-wide grants in force on asOf (default today) according to what was recorded by "
                    + "knownAt (default now)")
    AccessView portfolio(PointInTime point) {
        return view(null, point);
    }

    /** The program was recorded by the point's knownAt, whatever its dates (a grant may precede its start). */
    private boolean recordedBy(String programId, PointInTime point) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM program_version WHERE record_id = ?"
                        + " AND known_at @> CAST(? AS TIMESTAMPTZ))")
                .params(programId, point.knownAtUtc())
                .query(Boolean.class)
                .single();
    }

    private AccessView view(String programId, PointInTime point) {
        List<GrantTable.GrantInForce> inForce =
                grants.inForce(programId, point.asOf(), point.effectiveAt(), point.knownAt());
        return new AccessView(
                programId,
                point.stated(),
                point.knownAt(),
                inForce,
                programId == null
                        ? List.of()
                        : grants.deputiesInForce(programId, point.asOf(), point.effectiveAt(), point.knownAt()));
    }
}
