package io.governanceledger.events.contracts;

import java.math.BigDecimal;

/** Prices follow {@code indexName}; the initial value corresponds to {@code baseValue} of the index. */
public record IndexationClause(String indexName, BigDecimal baseValue) {}
