/**
 * Change control on both clocks: the change register and each change request with its assessments,
 * decision and trace; milestones with baseline against forecast and dependency flags; baselines, their
 * comparison and the check of their hash; tolerances, scope items and exceptions.
 */
package io.governanceledger.query.changes;
