package io.governanceledger.query.contracts;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * One contract as it stood on {@code asOf} (effective dates; null: today) according to what was
 * recorded by {@code knownAt} (null: now); answered by an optional {@link ContractView}.
 */
public record FindContractQuery(String programId, String contractId, PointInTime point) {}
