package io.governanceledger.events.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record IndexValueRecordedEvent(
        String contractId, String programId, String indexName, BigDecimal value, LocalDate valueDate) {}
