/**
 * What crosses from the command side to the read side: the events, their value types and their
 * metadata, as plain records, with the upcasters that read older shapes, and the states the events
 * move a record between ({@code ProgramStatus}, {@code DecisionStatus}, {@code MovementStatus}), which
 * both sides derive from the same events. Commands live with the command service, queries and views
 * with the query service. Events are versioned ({@code @Revision}) from day one; they are stored as JSON for
 * the life of a 15-year contract, so a change of shape needs an upcaster, never an edit.
 */
package io.governanceledger.events;
