/** The audit fields every read model takes from a stored event. */
package io.governanceledger.query.history;
