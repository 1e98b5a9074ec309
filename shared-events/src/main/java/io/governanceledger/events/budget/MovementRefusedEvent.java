package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MovementRefusedEvent(String programId, String movementId, String refusedBy) {}
