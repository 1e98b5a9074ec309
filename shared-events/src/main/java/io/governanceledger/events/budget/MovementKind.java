package io.governanceledger.events.budget;

/**
 * ALLOCATION and REDUCTION change a line's allocation; TRANSFER moves allocation between two lines
 * (the two legs net to zero); COMMITMENT reserves money for a purchase order or call-off, RELEASE
 * frees an open commitment; ACTUAL books an invoice, consuming a commitment or standing alone;
 * REFORECAST sets the line's estimate at completion and moves no money.
 */
public enum MovementKind {
    ALLOCATION,
    REDUCTION,
    TRANSFER,
    COMMITMENT,
    RELEASE,
    ACTUAL,
    REFORECAST
}
