/**
 * The change-control screens: the change register by status, a change request's page (impact, decision,
 * trace and the forms of its next steps), the milestone timeline against the baseline, the baselines and
 * their comparison, and the exceptions with the board's answer.
 */
package io.governanceledger.query.workspace.changes;
