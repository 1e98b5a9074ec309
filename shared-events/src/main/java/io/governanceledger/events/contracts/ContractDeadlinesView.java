package io.governanceledger.events.contracts;

import java.time.LocalDate;

/**
 * The renewal notice deadline (end of term minus the notice period) and the end of term. States come
 * from the contract's events (DUE, OVERDUE, RECORDED; ENDED) or, before any, from today (UPCOMING, NONE
 * without a notice period; RUNNING).
 */
public record ContractDeadlinesView(LocalDate renewalNoticeDeadline, String renewalNoticeState, RenewalChoice renewalChoice,
                                    LocalDate renewalNoticeSentOn, LocalDate endOfTerm,
                                    String termState) {
}
