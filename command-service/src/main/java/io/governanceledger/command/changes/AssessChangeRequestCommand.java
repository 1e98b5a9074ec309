package io.governanceledger.command.changes;

import io.governanceledger.events.changes.CostImpact;
import io.governanceledger.events.changes.ScheduleImpact;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The actor is the assessor; answered with the assessment's revision. */
public record AssessChangeRequestCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String changeRequestId,
        List<CostImpact> costs,
        List<ScheduleImpact> schedule,
        String scope,
        String risk,
        String options,
        ContractChange contract) {}
