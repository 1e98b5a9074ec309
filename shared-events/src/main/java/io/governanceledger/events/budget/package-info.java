/**
 * The budget ledger: lines per program, movements of money between and within them, the
 * delegations of authority that let people request and approve movements, and the approvals.
 * Balances change only when a movement is booked; a pending movement changes nothing.
 */
package io.governanceledger.events.budget;
