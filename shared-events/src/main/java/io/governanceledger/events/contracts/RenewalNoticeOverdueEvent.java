package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The renewal notice deadline passed without a notice recorded. */
@Revision("1")
public record RenewalNoticeOverdueEvent(String contractId, String programId, LocalDate deadline) {
}
