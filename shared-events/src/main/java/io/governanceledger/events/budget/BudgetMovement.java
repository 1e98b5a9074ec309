package io.governanceledger.events.budget;

import java.time.LocalDate;

/**
 * What a movement does. {@code toLineId} only for a transfer; {@code reference} is the purchase order,
 * call-off or invoice number; {@code commitmentReference} names the commitment a release frees or an
 * actual consumes; {@code authorisingReference} the decision or change that allows it.
 */
public record BudgetMovement(
        MovementKind kind,
        String lineId,
        String toLineId,
        Money amount,
        String reference,
        String commitmentReference,
        String authorisingReference,
        LocalDate effectiveDate,
        String description) {}
