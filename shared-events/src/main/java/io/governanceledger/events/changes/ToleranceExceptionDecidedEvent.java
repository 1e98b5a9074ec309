package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The board decided the exception by an approved decision: an exception plan, a new baseline, or stop. */
@Revision("1")
public record ToleranceExceptionDecidedEvent(
        String programId, String exceptionId, String decisionId, ExceptionResponse response, LocalDate decidedOn) {}
