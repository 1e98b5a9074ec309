package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

/** A proposal the law does not allow without a new procurement: recorded, and the contract unchanged. */
@Revision("1")
public record AmendmentRejectedEvent(
        String contractId,
        String programId,
        String amendmentId,
        AmendmentProposal proposal,
        String rule,
        String explanation,
        AmendmentFigures figures) {}
