package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The movement is booked: its ledger entries change the balances. {@code approvedBy} is empty when it
 * was within the requester's own delegation.
 */
@Revision("1")
public record MovementBookedEvent(String programId, String movementId, BudgetMovement movement, String requestedBy, List<String> approvedBy, List<LedgerEntry> entries) {
}
