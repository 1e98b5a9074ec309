/**
 * Change control of a program ({@link io.governanceledger.command.changes.ProgramChanges}): change
 * requests from raising to closing, decided only through the decision log; milestones and scope items;
 * baselines; tolerances, and the exceptions the ledger raises when a forecast leaves them. {@link
 * io.governanceledger.command.changes.ChangeControlPolicy} is what the decision log and the budget
 * ask of it.
 */
package io.governanceledger.command.changes;
