package io.governanceledger.events.decisions;

import java.util.List;

/** One page of a program's decision register: {@code total} matches the filter, newest first. */
public record DecisionRegisterView(String programId, long total, int offset, int limit,
                                   List<DecisionSummaryView> decisions) {
}
