package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractTermEndedEvent(String contractId, String programId, LocalDate endDate) {
}
