package io.governanceledger.command.access;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Whoever appoints is the authenticated actor of the command. */
public record AppointDeputyCommand(
        @TargetAggregateIdentifier String appointmentId,
        String programId,
        String principal,
        String deputy,
        LocalDate validFrom,
        LocalDate validTo) {}
