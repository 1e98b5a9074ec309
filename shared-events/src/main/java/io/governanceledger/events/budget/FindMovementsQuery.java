package io.governanceledger.events.budget;

import io.governanceledger.events.AsOf;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A program's movements filtered by line (either side of a transfer), kind, status, effective date
 * range (inclusive) and reference (purchase order, invoice or commitment); answered by an optional
 * {@link MovementLedgerView}, empty for an unknown program. A limit of 0 means all. As the movements
 * stood on {@code asOf} (null: today) according to what was recorded by {@code knownAt} (null: now).
 */
public record FindMovementsQuery(String programId, String lineId, MovementKind kind, String status, LocalDate from,
                                 LocalDate to, String reference, int offset, int limit,
                                 AsOf asOf, Instant knownAt) {
}
