package io.governanceledger.query.budget;

import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.query.pointintime.PointInTime;
import java.time.LocalDate;

/**
 * The filters of the movement ledger, the same for its JSON and CSV answers, bound from the query
 * string; each optional.
 *
 * @param lineId    either side of a transfer
 * @param from      first effective date, inclusive
 * @param to        last effective date, inclusive
 * @param reference a purchase order, invoice or commitment reference
 */
record MovementFilter(
        String lineId, MovementKind kind, MovementStatus status, LocalDate from, LocalDate to, String reference) {

    boolean fromAfterTo() {
        return from != null && to != null && from.isAfter(to);
    }

    /** Movements {@code offset} to {@code offset + limit} (a limit of 0: all) of a program, at a point. */
    FindMovementsQuery query(String programId, int offset, int limit, PointInTime point) {
        return new FindMovementsQuery(programId, lineId, kind, status, from, to, reference, offset, limit, point);
    }
}
