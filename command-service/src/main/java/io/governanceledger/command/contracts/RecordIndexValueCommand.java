package io.governanceledger.command.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A published value of the contract's price index, as of {@code valueDate}. */
public record RecordIndexValueCommand(
        @TargetAggregateIdentifier String contractId, String programId, BigDecimal value, LocalDate valueDate) {}
