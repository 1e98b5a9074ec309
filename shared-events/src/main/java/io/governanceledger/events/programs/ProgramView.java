package io.governanceledger.events.programs;

import java.time.Instant;
import java.time.LocalDate;

public record ProgramView(String programId,
                          String name,
                          String sponsor,
                          LocalDate startDate,
                          LocalDate plannedEndDate,
                          String currency,
                          ProgramStatus status,
                          LocalDate closedOn,
                          long decisionCount,
                          Instant createdAt,
                          Instant lastChangedAt) {
}
