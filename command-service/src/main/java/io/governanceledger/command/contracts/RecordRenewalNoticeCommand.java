package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.RenewalChoice;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The authority notified its choice about renewal to the supplier on {@code sentOn}. */
public record RecordRenewalNoticeCommand(
        @TargetAggregateIdentifier String contractId, String programId, RenewalChoice choice, LocalDate sentOn) {}
