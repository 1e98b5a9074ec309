package io.governanceledger.events.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An accepted amendment, numbered in sequence, with the figures it was judged on and the contract's
 * value and end date after it. {@code publicationRequired} when a modification notice must follow.
 */
@Revision("1")
public record ContractAmendedEvent(
        String contractId,
        String programId,
        String amendmentId,
        int number,
        AmendmentProposal proposal,
        AmendmentFigures figures,
        BigDecimal valueAfter,
        LocalDate endDateAfter,
        boolean publicationRequired) {}
