/**
 * Who may see and do what, on which program, and when: access grants and their revocations, kept on
 * the ledger like every other record, so that "who could read or change program P on D, as known at
 * C" is answered from the events.
 */
package io.governanceledger.events.access;
