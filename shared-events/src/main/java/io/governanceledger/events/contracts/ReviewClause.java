package io.governanceledger.events.contracts;

import java.math.BigDecimal;

/** A review clause (art. 72(1)(a)): amendments under it may add up to {@code maximumValue} in all. */
public record ReviewClause(String clauseId, String description, BigDecimal maximumValue) {}
