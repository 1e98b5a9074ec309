package io.governanceledger.events.contracts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RenewalNoticeRecordedEvent(
        String contractId,
        String programId,
        RenewalChoice choice,
        LocalDate sentOn,
        LocalDate deadline,
        boolean late) {}
