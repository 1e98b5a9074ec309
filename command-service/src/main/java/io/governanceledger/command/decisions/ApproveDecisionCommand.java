package io.governanceledger.command.decisions;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The deciding body approves the decision. {@code chosenOption} and {@code effectiveFrom} may be left
 * empty to keep what was recorded; {@code effectiveFrom} then defaults to {@code decidedOn}. {@code
 * conditions} (optional) bind what the approval allows, and the change requests it decides.
 */
public record ApproveDecisionCommand(
        @TargetAggregateIdentifier String decisionId,
        String programId,
        LocalDate decidedOn,
        LocalDate effectiveFrom,
        String chosenOption,
        String conditions) {}
