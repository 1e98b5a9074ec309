package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RenewalNoticeRecordedEvent(String contractId, String programId, RenewalChoice choice, LocalDate sentOn,
                                         LocalDate deadline, boolean late) {
}
