package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.RenewalChoice;
import java.time.LocalDate;

/**
 * The renewal notice deadline (end of term minus the notice period) and the end of term. States come
 * from the contract's events (DUE, OVERDUE, RECORDED; ENDED) or, before any, from today (UPCOMING, NONE
 * without a notice period; RUNNING).
 */
public record ContractDeadlinesView(
        LocalDate renewalNoticeDeadline,
        RenewalNoticeState renewalNoticeState,
        RenewalChoice renewalChoice,
        LocalDate renewalNoticeSentOn,
        LocalDate endOfTerm,
        TermState termState) {

    /** Where the renewal notice of the current term stands. */
    public enum RenewalNoticeState {
        /** The contract has no notice period. */
        NONE,
        /** The deadline has not come near yet. */
        UPCOMING,
        /** The deadline is near: the notice is due. */
        DUE,
        /** The deadline passed with no notice recorded. */
        OVERDUE,
        /** A notice was recorded for this deadline. */
        RECORDED
    }

    /** Whether the contract's term has ended. */
    public enum TermState {
        RUNNING,
        ENDED
    }
}
