/**
 * Administration: who may do what on a program (grants in force and deputies, on both clocks), granting
 * and revoking through the command service as the signed-in administrator; and the rebuild of the read
 * models with its progress, for operators.
 */
package io.governanceledger.query.workspace.access;
