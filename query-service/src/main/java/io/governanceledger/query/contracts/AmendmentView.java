package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.AmendmentStatus;
import io.governanceledger.events.contracts.LegalBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One proposal in a contract's timeline: accepted (numbered, with the value and end date after it)
 * or rejected (with the rule, the explanation and the figures it was judged on).
 */
public record AmendmentView(
        String amendmentId,
        AmendmentStatus status,
        Integer number,
        LegalBasis legalBasis,
        String reviewClauseId,
        BigDecimal valueDelta,
        int termDeltaMonths,
        String scope,
        List<String> signatories,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        String authorisingDecisionId,
        String authorisingDecisionTitle,
        String authorisingChangeDecisionId,
        BigDecimal valueAfter,
        LocalDate endDateAfter,
        String rule,
        String explanation,
        AmendmentFigures figures,
        boolean publicationRequired,
        String noticeReference,
        LocalDate noticePublishedOn,
        Instant recordedAt) {}
