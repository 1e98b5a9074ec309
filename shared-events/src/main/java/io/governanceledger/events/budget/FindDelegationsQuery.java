package io.governanceledger.events.budget;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A program's delegations as granted and revoked on {@code asOf} (null: today) as recorded by
 * {@code knownAt} (null: now), revoked ones included; answered by a list of {@link DelegationView}.
 */
public record FindDelegationsQuery(String programId, LocalDate asOf, Instant knownAt) {
}
