package io.governanceledger.command.decisions;

import io.governanceledger.events.decisions.DecisionDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A new, approved decision replaces an approved one. The new decision is recorded and approved in the
 * same transaction as the old one is marked superseded, so both links exist or neither does.
 */
public record SupersedeDecisionCommand(
        @TargetAggregateIdentifier String decisionId,
        String programId,
        String newDecisionId,
        DecisionDetails details) {}
