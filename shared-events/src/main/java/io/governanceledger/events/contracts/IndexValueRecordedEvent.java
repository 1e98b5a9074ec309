package io.governanceledger.events.contracts;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record IndexValueRecordedEvent(String contractId, String programId, String indexName, BigDecimal value,
                                      LocalDate valueDate) {
}
