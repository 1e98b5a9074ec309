/**
 * Reads that wait for the read models: an answer as known at an instant waits until every read model
 * has taken in what was recorded by then ({@code knownAt}), and a read naming an event
 * ({@code Ledger-Read-After}) until every read model has taken it in; both answer 503 when that takes
 * too long. Also where each read model stands against the ledger.
 */
package io.governanceledger.query.consistency;
