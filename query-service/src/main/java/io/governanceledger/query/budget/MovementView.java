package io.governanceledger.query.budget;

import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A movement in the ledger, with who asked, who approved, what authorised it and what it booked. The
 * authorising reference is a decision, or a change request (CR-n): then {@code
 * authorisingDecisionTitle} is the change request's title and {@code authorisingChangeDecisionId} the
 * decision that decided it.
 */
public record MovementView(
        String movementId,
        String programId,
        MovementKind kind,
        MovementStatus status,
        String lineId,
        String toLineId,
        BigDecimal amount,
        String currency,
        String reference,
        String commitmentReference,
        String authorisingReference,
        String authorisingDecisionTitle,
        String authorisingChangeDecisionId,
        LocalDate effectiveDate,
        String description,
        String reason,
        String requestedBy,
        Instant requestedAt,
        int requiredApprovals,
        LocalDate expiresOn,
        Instant decidedAt,
        String refusedBy,
        List<ApprovalView> approvals,
        List<LedgerEntry> entries) {}
