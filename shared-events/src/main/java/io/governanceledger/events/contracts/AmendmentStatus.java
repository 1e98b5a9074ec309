package io.governanceledger.events.contracts;

/**
 * What became of a proposed amendment: accepted (it changes the contract) or rejected on record
 * ({@link AmendmentRejectedEvent}, with the rule and the figures).
 */
public enum AmendmentStatus {
    ACCEPTED,
    REJECTED
}
