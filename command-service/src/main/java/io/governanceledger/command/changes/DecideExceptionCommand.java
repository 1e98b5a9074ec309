package io.governanceledger.command.changes;

import io.governanceledger.events.changes.ExceptionResponse;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DecideExceptionCommand(
        @TargetAggregateIdentifier String changesId,
        String programId,
        String exceptionId,
        String decisionId,
        ExceptionResponse response) {}
