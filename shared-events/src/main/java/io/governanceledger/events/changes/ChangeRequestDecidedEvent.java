package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The decision the change request was submitted to was approved, rejected or deferred ({@code
 * outcome}), on {@code decidedOn}, with the decision's conditions. Recorded with the decision's own
 * event, in the same transaction.
 */
@Revision("1")
public record ChangeRequestDecidedEvent(
        String programId,
        String changeRequestId,
        String decisionId,
        ChangeRequestStatus outcome,
        LocalDate decidedOn,
        String conditions) {}
