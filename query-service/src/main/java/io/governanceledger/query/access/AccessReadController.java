package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Access")
class AccessReadController {

    private final QueryGateway queries;

    AccessReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/programs/{programId}/access")
    @Requires(Right.READ_ACCESS)
    @Operation(
            summary = "Who could read or change the program on asOf (a date, default today; an instant for a moment "
                    + "within a day) according to what was recorded by knownAt (an instant, default now): the grants "
                    + "in force, the program's own and the portfolio-wide ones")
    AccessView program(@PathVariable String programId, PointInTime point) {
        return queries.query(new FindAccessQuery(programId, point), ResponseTypes.optionalInstanceOf(AccessView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
    }

    @GetMapping("/api/access/grants")
    @Requires(Right.READ_PORTFOLIO_ACCESS)
    @Operation(
            summary = "The portfolio-wide grants in force on asOf (default today) according to what was recorded by "
                    + "knownAt (default now)")
    AccessView portfolio(PointInTime point) {
        return queries.query(new FindAccessQuery(null, point), ResponseTypes.optionalInstanceOf(AccessView.class))
                .join()
                .orElseThrow();
    }
}
