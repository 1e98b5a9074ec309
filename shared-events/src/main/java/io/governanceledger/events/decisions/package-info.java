/**
 * The decision log: what was decided, by which body, on what basis, and what it authorises. A decision
 * is never edited: it is approved, rejected or deferred, and later superseded or revoked by events.
 */
package io.governanceledger.events.decisions;
