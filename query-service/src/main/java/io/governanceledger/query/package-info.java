/**
 * The query service: one package per read model (programs, decisions, budget, contracts, audit),
 * each with its projection (a named processing group), its table access, its query handlers and its
 * REST controller; beside them the point a read answers for ({@code pointintime}), the guards that
 * wait for the read models ({@code consistency}), the bitemporal core ({@code timeline},
 * {@code history}), rebuilds, reports, CSV, health and the ledger's own endpoints. Projections never
 * call the command side and never answer a request by reading the event store.
 */
package io.governanceledger.query;
