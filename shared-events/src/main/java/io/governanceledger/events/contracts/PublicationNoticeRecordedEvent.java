package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record PublicationNoticeRecordedEvent(String contractId, String programId, int amendmentNumber,
                                             String noticeReference, LocalDate publishedOn) {
}
