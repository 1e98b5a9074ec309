package io.governanceledger.command.access;

import io.governanceledger.events.access.AccessScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a grant of {@code programId} ({@code null} with scope portfolio); the revoker is the actor. */
public record RevokeAccessCommand(@TargetAggregateIdentifier String grantId, AccessScope scope, String programId) {}
