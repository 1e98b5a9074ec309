/**
 * Programs: creation, renaming and closing, and {@link io.governanceledger.command.programs.ProgramStanding},
 * the policy other aggregates ask whether a program exists and still takes records.
 */
package io.governanceledger.command.programs;
