/**
 * The ledger itself for auditors: verification of the hash chain and checkpoints, the published key,
 * the export of the whole ledger or of one program as a bundle, and proofs that an event is in it.
 */
package io.governanceledger.query.ledger;
