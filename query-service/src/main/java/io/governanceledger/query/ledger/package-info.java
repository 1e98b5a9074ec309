/** The ledger itself for auditors: verification of the hash chain and checkpoints, the published key. */
package io.governanceledger.query.ledger;
