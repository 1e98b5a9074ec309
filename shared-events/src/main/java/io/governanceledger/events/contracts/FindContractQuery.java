package io.governanceledger.events.contracts;

import io.governanceledger.events.AsOf;

import java.time.Instant;

/**
 * One contract as it stood on {@code asOf} (effective dates; null: today) according to what was
 * recorded by {@code knownAt} (null: now); answered by an optional {@link ContractView}.
 */
public record FindContractQuery(String programId, String contractId, AsOf asOf, Instant knownAt) {
}
