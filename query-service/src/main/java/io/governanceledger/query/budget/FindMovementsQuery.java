package io.governanceledger.query.budget;

import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.query.pointintime.PointInTime;
import java.time.LocalDate;

/**
 * A program's movements filtered by line (either side of a transfer), kind, status, effective date
 * range (inclusive) and reference (purchase order, invoice or commitment); answered by an optional
 * {@link MovementLedgerView}, empty for an unknown program. A limit of 0 means all. As the movements
 * stood on {@code asOf} (null: today) according to what was recorded by {@code knownAt} (null: now).
 */
public record FindMovementsQuery(
        String programId,
        String lineId,
        MovementKind kind,
        MovementStatus status,
        LocalDate from,
        LocalDate to,
        String reference,
        int offset,
        int limit,
        PointInTime point) {}
