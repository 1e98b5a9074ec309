package io.governanceledger.events.access;

/** Where a grant applies: one program, or every program of the portfolio (and the ledger as a whole). */
public enum AccessScope {
    PROGRAM,
    PORTFOLIO
}
