package io.governanceledger.events.decisions;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record DecisionApprovedEvent(String decisionId,
                                    String programId,
                                    LocalDate decidedOn,
                                    LocalDate effectiveFrom,
                                    String chosenOption) {
}
