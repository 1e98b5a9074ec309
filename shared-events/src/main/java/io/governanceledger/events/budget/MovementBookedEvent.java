package io.governanceledger.events.budget;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The movement is booked: its ledger entries change the balances. {@code approvedBy} is empty when it
 * was within the requester's own delegation.
 */
@Revision("1")
public record MovementBookedEvent(
        String programId,
        String movementId,
        BudgetMovement movement,
        String requestedBy,
        List<String> approvedBy,
        List<LedgerEntry> entries) {}
