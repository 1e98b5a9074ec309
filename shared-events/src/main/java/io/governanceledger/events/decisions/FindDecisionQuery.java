package io.governanceledger.events.decisions;

/** One decision of one program, with its full history; answered by an optional {@link DecisionView}. */
public record FindDecisionQuery(String programId, String decisionId) {
}
