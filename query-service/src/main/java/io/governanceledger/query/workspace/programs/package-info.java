/** The portfolio (the programs one may see, each with its figures) and a program's dashboard. */
package io.governanceledger.query.workspace.programs;
