package io.governanceledger.query.budget;

import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One booked leg that moved a line, with the line's balances after it, and everything that made it
 * happen: the movement, who asked, who approved, why, and the decision that authorised it.
 */
public record LineageStepView(
        long position,
        String movementId,
        MovementKind kind,
        LedgerEntry.Measure measure,
        BigDecimal delta,
        BalanceView balanceAfter,
        LocalDate effectiveDate,
        Instant bookedAt,
        String reference,
        String requestedBy,
        List<String> approvedBy,
        String reason,
        String authorisingReference,
        String authorisingDecisionTitle,
        String authorisingDecisionStatus) {}
