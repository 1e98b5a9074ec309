/**
 * The command service: each capability package holds its aggregate, the rules it enforces, and the
 * REST controller that turns requests into commands. Nothing here reads projections.
 */
package io.governanceledger.command;
