package io.governanceledger.support.security;

/** The roles of the people who use the ledger; controllers name them in {@code @PreAuthorize}. */
public final class LedgerRoles {

    public static final String PMO_OFFICER = "PMO_OFFICER";
    public static final String FINANCE_CONTROLLER = "FINANCE_CONTROLLER";
    public static final String CONTRACT_MANAGER = "CONTRACT_MANAGER";
    public static final String AUDITOR = "AUDITOR";
    public static final String VIEWER = "VIEWER";
    /** Runs the service: rebuilds read models. Reads like anyone logged in; writes no business record. */
    public static final String OPERATOR = "OPERATOR";

    private LedgerRoles() {}
}
