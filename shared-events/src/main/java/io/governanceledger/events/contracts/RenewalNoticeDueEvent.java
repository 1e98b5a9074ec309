package io.governanceledger.events.contracts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The renewal notice deadline is near and no notice is recorded yet. */
@Revision("1")
public record RenewalNoticeDueEvent(String contractId, String programId, LocalDate deadline) {}
