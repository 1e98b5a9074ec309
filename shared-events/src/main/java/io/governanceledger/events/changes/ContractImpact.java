package io.governanceledger.events.changes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The amendment a change needs on one contract of the program: basis, value and term change, the date
 * it would be signed on, and the procurement rules' answer on that date when it was assessed.
 */
public record ContractImpact(
        String contractId,
        String reviewClauseId,
        BigDecimal valueDelta,
        int termDeltaMonths,
        LocalDate signedOn,
        AmendmentCheck check) {}
