package io.governanceledger.events.changes;

import java.math.BigDecimal;

/** The change's effect on one budget line's cost at completion, plus or minus, in the program's currency. */
public record CostImpact(String lineId, BigDecimal amount) {}
