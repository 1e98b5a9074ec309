package io.governanceledger.events.contracts;

import java.time.LocalDate;

/** One contract as it stood on {@code asOf} (null: today); answered by an optional {@link ContractView}. */
public record FindContractQuery(String programId, String contractId, LocalDate asOf) {
}
