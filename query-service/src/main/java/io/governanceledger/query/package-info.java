/**
 * The query service: one package per read model, each with its projection (a named processing
 * group), its table access, its query handlers and its REST controller. Projections never call the
 * command side and never answer a request by reading the event store.
 */
package io.governanceledger.query;
