/**
 * What both services must do identically, packaged once: the event store's tables and wiring, the
 * JSON serializer of stored messages, event metadata rules, users and roles, RFC 9457 problem
 * responses, and the embedded PostgreSQL used when no database is configured.
 */
package io.governanceledger.support;
