/**
 * Rebuilding a read model from the ledger without downtime: a new copy of its tables is filled in a
 * scratch schema from the first position while the old copy keeps answering, then the two are swapped
 * in one transaction and the read model's processor continues from where the rebuild stopped.
 */
package io.governanceledger.query.rebuild;
