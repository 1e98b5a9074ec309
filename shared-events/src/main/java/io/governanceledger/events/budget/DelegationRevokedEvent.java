package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DelegationRevokedEvent(String programId, String delegationId, String holder) {}
