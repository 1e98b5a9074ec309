package io.governanceledger.events.budget;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A movement awaits approval; it changes no balance until booked, and expires on {@code expiresOn}. */
@Revision("1")
public record MovementRequestedEvent(
        String programId,
        String movementId,
        BudgetMovement movement,
        String requestedBy,
        int requiredApprovals,
        LocalDate expiresOn) {}
