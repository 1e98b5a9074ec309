package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractRegisteredEvent(String contractId, String programId, ContractTerms terms) {}
