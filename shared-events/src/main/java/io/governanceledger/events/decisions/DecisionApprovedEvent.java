package io.governanceledger.events.decisions;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A decision was approved. Revision 2 adds the {@code conditions} the approval came with (a change
 * request it decides carries them); {@link DecisionApprovedEvent1to2Upcaster} reads revision 1, which
 * had none.
 */
@Revision("2")
public record DecisionApprovedEvent(
        String decisionId,
        String programId,
        LocalDate decidedOn,
        LocalDate effectiveFrom,
        String chosenOption,
        String conditions) {}
