/**
 * Change control: change requests (numbered per program, assessed, decided only through a decision of
 * the decision log, implemented, closed), the program's milestones and scope items, its numbered
 * baselines, its tolerances and the exceptions the ledger raises when a forecast leaves them.
 */
package io.governanceledger.events.changes;
