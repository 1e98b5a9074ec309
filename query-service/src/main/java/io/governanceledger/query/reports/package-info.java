/**
 * Reproducible reports: a report (decision register, budget ledger, contract history) produced from
 * the read models as they stood at a fixed ledger position, with a manifest (event range and the chain
 * hash there, event and projection schema versions, content hash) from which the same bytes can be
 * produced again later.
 */
package io.governanceledger.query.reports;
