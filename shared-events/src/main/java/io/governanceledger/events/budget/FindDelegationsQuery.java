package io.governanceledger.events.budget;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * A program's delegations as granted and revoked on {@code asOf} (null: today) as recorded by
 * {@code knownAt} (null: now), revoked ones included; answered by a list of {@link DelegationView}.
 */
public record FindDelegationsQuery(String programId, AsOf asOf, Instant knownAt) {
}
