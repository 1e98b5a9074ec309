package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * A program's delegations as granted and revoked on {@code asOf} (null: today) as recorded by
 * {@code knownAt} (null: now), revoked ones included; answered by a list of {@link DelegationView}.
 */
public record FindDelegationsQuery(String programId, PointInTime point) {}
