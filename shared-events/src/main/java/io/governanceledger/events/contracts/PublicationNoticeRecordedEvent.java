package io.governanceledger.events.contracts;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PublicationNoticeRecordedEvent(
        String contractId, String programId, int amendmentNumber, String noticeReference, LocalDate publishedOn) {}
