package io.governanceledger.events.contracts;

import java.time.LocalDate;

/** The renewal notice deadline (end of term minus the notice period) and the end of term, with their state today. */
public record ContractDeadlinesView(LocalDate renewalNoticeDeadline, String renewalNoticeState, LocalDate endOfTerm,
                                    String termState) {
}
