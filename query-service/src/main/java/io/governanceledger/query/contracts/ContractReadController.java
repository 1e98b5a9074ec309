package io.governanceledger.query.contracts;

import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/contracts")
@Tag(name = "Contracts")
class ContractReadController {

    private final QueryGateway queries;

    ContractReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "The program's contracts as they stood on asOf (a date or instant, default today) "
                    + "according to what was recorded by knownAt (an instant, default now)")
    List<ContractView> contracts(@PathVariable String programId, PointInTime point) {
        return queries.query(
                        new FindContractsQuery(programId, point), ResponseTypes.multipleInstancesOf(ContractView.class))
                .join();
    }

    @GetMapping("/{contractId}")
    @Requires(Right.READ_PROGRAM)
    @Operation(
            summary = "One contract with its amendment timeline, as it stood on asOf (a date, default today) "
                    + "according to what was recorded by knownAt (an instant, default now)")
    ContractView contract(@PathVariable String programId, @PathVariable String contractId, PointInTime point) {
        return queries.query(
                        new FindContractQuery(programId, contractId, point),
                        ResponseTypes.optionalInstanceOf(ContractView.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException(
                        "contractId", "Program " + programId + " has no contract '" + contractId + "'."));
    }
}
