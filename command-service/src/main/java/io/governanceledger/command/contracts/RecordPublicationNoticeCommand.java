package io.governanceledger.command.contracts;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The modification notice published after an amendment on additional works or unforeseeable circumstances. */
public record RecordPublicationNoticeCommand(
        @TargetAggregateIdentifier String contractId,
        String programId,
        int amendmentNumber,
        String noticeReference,
        LocalDate publishedOn) {}
