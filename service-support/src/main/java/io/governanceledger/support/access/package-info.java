/**
 * The access grants as both services keep them: a table of grants and one of revocations, written
 * from the ledger's events, and the one rule that says which grants are in force at a point on both
 * clocks. The command service keeps its copy in the same transaction as the events (its checks are
 * never behind); the query service's copy is a read model like the others.
 */
package io.governanceledger.support.access;
