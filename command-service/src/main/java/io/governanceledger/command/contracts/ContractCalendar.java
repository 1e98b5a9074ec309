package io.governanceledger.command.contracts;

/** How long before a renewal notice deadline it is reported as due ({@code ledger.contracts.renewal-warning-days}). */
public record ContractCalendar(int renewalWarningDays) {}
