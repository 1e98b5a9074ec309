/**
 * The budget read model: lines, movements with their approvals, the booked ledger legs from which
 * every balance is summed, and delegations, for "waiting for you" lists.
 */
package io.governanceledger.query.budget;
