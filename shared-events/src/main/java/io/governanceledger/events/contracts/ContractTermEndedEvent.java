package io.governanceledger.events.contracts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractTermEndedEvent(String contractId, String programId, LocalDate endDate) {}
