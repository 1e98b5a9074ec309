package io.governanceledger.events.access;

/**
 * What a grant lets its holder do. Each of the first six is granted on a program or on the whole
 * portfolio; {@link #OPERATOR} runs the service (rebuilds, whole-store export) and is granted
 * portfolio-wide only. docs/access.md lists which requests each role may make.
 */
public enum AccessRole {
    /** Grants and revokes access to the program; reads all of it. */
    PROGRAM_ADMINISTRATOR,
    /** Keeps the decision log, registers and renames programs, requests budget movements. */
    PMO_OFFICER,
    /** Sets up the budget (lines, policy, delegations), requests and approves movements. */
    FINANCE_CONTROLLER,
    /** Registers contracts and records amendments, call-offs, index values and notices. */
    CONTRACT_MANAGER,
    /** Reads everything, including who had access. */
    AUDITOR,
    /** Reads the program's records. */
    VIEWER,
    /** Runs the service: rebuilds read models, exports the whole store. Portfolio-wide only. */
    OPERATOR
}
