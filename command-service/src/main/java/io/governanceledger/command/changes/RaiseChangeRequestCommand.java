package io.governanceledger.command.changes;

import io.governanceledger.events.changes.ChangeRequestDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered with the change request's id (CR-n). */
public record RaiseChangeRequestCommand(
        @TargetAggregateIdentifier String changesId, String programId, ChangeRequestDetails details) {}
