package io.governanceledger.command.changes;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReforecastMilestoneCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String milestoneId,
        LocalDate forecastDate,
        String reason,
        String changeRequestId) {}
