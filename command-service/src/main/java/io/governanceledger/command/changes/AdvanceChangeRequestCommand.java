package io.governanceledger.command.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To IMPLEMENTING (from approved), IMPLEMENTED (from implementing) or CLOSED (from implemented). */
public record AdvanceChangeRequestCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String changeRequestId,
        ChangeRequestStatus to) {}
