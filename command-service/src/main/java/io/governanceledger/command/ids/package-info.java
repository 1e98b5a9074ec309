/** The forms of record ids and codes, defined once for requests and aggregates. */
package io.governanceledger.command.ids;
