package io.governanceledger.events.contracts;

/** A program's contracts today; answered by a list of {@link ContractView}, empty for an unknown program. */
public record FindContractsQuery(String programId) {
}
