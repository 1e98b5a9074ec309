/** The program read model: one row per program, its current name and status. */
package io.governanceledger.query.programs;
