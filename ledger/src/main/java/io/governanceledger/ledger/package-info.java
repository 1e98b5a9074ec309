/**
 * The ledger: every stored event's place in commit order (the sealer), the hash chain over that order,
 * signed checkpoints of its head and the keys that sign them, verification of the whole chain, bundles
 * exported, verified offline and restored, and proofs that one event is in the chain.
 */
package io.governanceledger.ledger;
