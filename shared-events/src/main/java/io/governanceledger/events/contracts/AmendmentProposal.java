package io.governanceledger.events.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposed amendment: the legal basis it claims ({@code reviewClauseId} for a review clause), the
 * change of value (plus or minus) and of term in months, what it changes, who signed it and when, from
 * when it applies, and the decision that authorises it.
 */
public record AmendmentProposal(
        LegalBasis legalBasis,
        String reviewClauseId,
        BigDecimal valueDelta,
        int termDeltaMonths,
        String scope,
        List<String> signatories,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        String authorisingDecisionId) {

    public AmendmentProposal {
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
    }
}
