/**
 * Access on both clocks: the "access" read model of grants and revocations, the answer to "who could
 * read or change program P on D, as known at C", and this service's check of every read against the
 * grants in force now ({@link io.governanceledger.query.access.ReadAccess}).
 */
package io.governanceledger.query.access;
