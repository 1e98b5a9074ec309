package io.governanceledger.query.programs;

import io.governanceledger.events.programs.ProgramStatus;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs")
@Tag(name = "Programs")
class ProgramReadController {

    private final QueryGateway queries;
    private final AccessDecider access;

    ProgramReadController(QueryGateway queries, AccessDecider access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping
    @Requires(Right.SIGNED_IN)
    @Operation(
            summary = "All programs as they stood on asOf (a date, default today) according to what was recorded "
                    + "by knownAt (an instant, default now), optionally only those with a status")
    List<ProgramView> list(@RequestParam(required = false) ProgramStatus status, PointInTime point) {
        Set<String> readable = access.programsWhere(Caller.current(), Right.READ_PROGRAM.roles())
                .orElse(null);
        return queries.query(
                        new FindProgramsQuery(status, point, readable),
                        ResponseTypes.multipleInstancesOf(ProgramView.class))
                .join();
    }

    @GetMapping("/{programId}")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "One program as it stood on asOf (a date, default today) according to what was recorded by "
                    + "knownAt (an instant, default now)")
    ProgramView get(@PathVariable String programId, PointInTime point) {
        return queries.query(
                        new FindProgramQuery(programId, point), ResponseTypes.optionalInstanceOf(ProgramView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
    }
}
