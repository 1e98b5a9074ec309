package io.governanceledger.events.contracts;

/** What the authority notified the supplier before the renewal notice deadline. */
public enum RenewalChoice {
    RENEW,
    TERMINATE
}
