/**
 * The decision register: one row per decision with its current status and links, and every event
 * of every decision with its audit fields, for the decision's history.
 */
package io.governanceledger.query.decisions;
