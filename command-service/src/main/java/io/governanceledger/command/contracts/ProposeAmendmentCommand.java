package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.AmendmentProposal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answered with the verdict: the amendment is recorded either way, accepted or rejected. */
public record ProposeAmendmentCommand(
        @TargetAggregateIdentifier String contractId,
        String programId,
        String amendmentId,
        AmendmentProposal proposal) {}
