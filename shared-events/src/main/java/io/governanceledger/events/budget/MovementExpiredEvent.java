package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MovementExpiredEvent(String programId, String movementId) {}
