/**
 * What both services must do identically, packaged once: the event store's tables and wiring, the
 * JSON serializer of stored messages, event metadata rules, users and roles, RFC 9457 problem
 * responses, the edge's input rules and idempotency keys. A service is always given its database.
 */
package io.governanceledger.support;
