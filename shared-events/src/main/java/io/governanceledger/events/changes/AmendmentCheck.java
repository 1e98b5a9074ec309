package io.governanceledger.events.changes;

import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.LegalBasis;

/**
 * The procurement rules' answer to an amendment that was only checked, not proposed: what a proposal
 * with the same basis, value and date would have got (accepted, or the rule that refuses it), with the
 * figures it was judged on.
 */
public record AmendmentCheck(
        LegalBasis legalBasis, boolean accepted, String rule, String explanation, AmendmentFigures figures) {}
