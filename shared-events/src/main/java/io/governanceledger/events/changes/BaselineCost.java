package io.governanceledger.events.changes;

import java.math.BigDecimal;

/** A budget line's allocation when the baseline froze: the cost the line is planned to take. */
public record BaselineCost(String lineId, BigDecimal amount) {}
