package io.governanceledger.query.contracts;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * A program's contracts as they stood on {@code asOf} (null: today) according to what was recorded by
 * {@code knownAt} (null: now): those registered and in existence at that point, each as it then stood;
 * answered by a list of {@link ContractView}, empty for an unknown program.
 */
public record FindContractsQuery(String programId, PointInTime point) {}
