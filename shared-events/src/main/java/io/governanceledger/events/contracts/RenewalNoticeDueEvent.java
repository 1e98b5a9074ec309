package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The renewal notice deadline is near and no notice is recorded yet. */
@Revision("1")
public record RenewalNoticeDueEvent(String contractId, String programId, LocalDate deadline) {
}
