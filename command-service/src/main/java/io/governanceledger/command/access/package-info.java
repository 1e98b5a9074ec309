/**
 * Access grants and revocations: the {@link io.governanceledger.command.access.AccessGrant} aggregate
 * and its rules, the requests that record them, the grants table this service checks every request
 * against ({@link io.governanceledger.command.access.GrantRecords}), and the bootstrap administrator.
 */
package io.governanceledger.command.access;
