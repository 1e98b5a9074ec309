package io.governanceledger.command.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeDeputyCommand(@TargetAggregateIdentifier String appointmentId, String programId) {}
