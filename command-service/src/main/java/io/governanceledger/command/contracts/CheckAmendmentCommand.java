package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.LegalBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A dry run of the procurement rules for an amendment; answered with its verdict, recording nothing. */
public record CheckAmendmentCommand(
        @TargetAggregateIdentifier String contractId,
        String programId,
        LegalBasis legalBasis,
        String reviewClauseId,
        BigDecimal valueDelta,
        int termDeltaMonths,
        LocalDate signedOn) {}
