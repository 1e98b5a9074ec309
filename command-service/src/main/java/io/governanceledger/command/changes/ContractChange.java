package io.governanceledger.command.changes;

import io.governanceledger.events.contracts.LegalBasis;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The amendment a contract would need: checked against the procurement rules when assessed. */
public record ContractChange(
        String contractId,
        LegalBasis legalBasis,
        String reviewClauseId,
        BigDecimal valueDelta,
        int termDeltaMonths,
        LocalDate signedOn) {}
