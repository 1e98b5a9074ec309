package io.governanceledger.events.budget;

/**
 * Where a budget movement stands, as its events leave it: requested and waiting for approvals, booked
 * (its legs move the balances), refused by an approver, or expired unapproved.
 */
public enum MovementStatus {
    PENDING,
    BOOKED,
    REFUSED,
    EXPIRED
}
