package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ExceptionResponse;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceExceptionDecidedEvent;
import io.governanceledger.events.changes.ToleranceExceptionRaisedEvent;
import io.governanceledger.query.timeline.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** An exception: raised by the ledger, open until the board decides it; kept in {@code tolerance_exception_version}. */
public record ExceptionState(
        String exceptionId,
        String programId,
        int number,
        int baselineNumber,
        ToleranceBreach breach,
        String reason,
        Instant raisedAt,
        String status,
        String decisionId,
        ExceptionResponse response,
        LocalDate decidedOn,
        String decidedBy,
        Instant decidedAt) {

    public static final String OPEN = "OPEN";
    public static final String DECIDED = "DECIDED";

    static ExceptionState fold(ExceptionState state, Fact fact) {
        Object event = fact.event();
        if (event instanceof ToleranceExceptionRaisedEvent raised) {
            return new ExceptionState(
                    raised.exceptionId(),
                    raised.programId(),
                    Integer.parseInt(raised.exceptionId().substring("EX-".length())),
                    raised.baselineNumber(),
                    raised.breach(),
                    fact.reason(),
                    fact.recordedAt(),
                    OPEN,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        if (state != null && event instanceof ToleranceExceptionDecidedEvent decided) {
            return new ExceptionState(
                    state.exceptionId,
                    state.programId,
                    state.number,
                    state.baselineNumber,
                    state.breach,
                    state.reason,
                    state.raisedAt,
                    DECIDED,
                    decided.decisionId(),
                    decided.response(),
                    decided.decidedOn(),
                    fact.actor(),
                    fact.recordedAt());
        }
        return state;
    }

    Map<String, Object> indexedColumns() {
        return Map.of("status", status, "number", number);
    }
}
