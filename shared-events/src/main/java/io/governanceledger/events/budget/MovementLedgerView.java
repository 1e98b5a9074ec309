package io.governanceledger.events.budget;

import java.util.List;

/** One page of a program's movements, oldest effective date first; {@code total} matches the filter. */
public record MovementLedgerView(String programId, long total, int offset, int limit, List<MovementView> movements) {
}
