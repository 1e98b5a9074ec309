/** Durable deadlines for aggregates, kept in PostgreSQL by db-scheduler. */
package io.governanceledger.command.deadlines;
