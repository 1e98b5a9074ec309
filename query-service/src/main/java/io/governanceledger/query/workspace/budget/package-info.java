/**
 * The budget's pages: lines with their balances and the burn chart, the movement ledger with its
 * filters and CSV, a line's lineage, the request of a movement, and the inbox of movements waiting for
 * the reader's approval, where two different people are needed above the program's four-eyes threshold.
 */
package io.governanceledger.query.workspace.budget;
