package io.governanceledger.events.contracts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The renewal notice deadline passed without a notice recorded. */
@Revision("1")
public record RenewalNoticeOverdueEvent(String contractId, String programId, LocalDate deadline) {}
