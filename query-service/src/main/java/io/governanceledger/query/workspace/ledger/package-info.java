/**
 * The auditor's pages: a program's audit trail with filters on both clocks, an event with its proof
 * (checked here against the published key, and downloadable), and the ledger's integrity: the
 * verification on demand, the checkpoint key, the auditor's bundle and how to check it offline.
 */
package io.governanceledger.query.workspace.ledger;
