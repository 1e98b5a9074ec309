/**
 * The message contract shared by both services: commands, events, queries and their views, as
 * plain records. Events are versioned ({@code @Revision}) from day one; they are stored as JSON for
 * the life of a 15-year contract, so a change of shape needs an upcaster, never an edit.
 */
package io.governanceledger.events;
