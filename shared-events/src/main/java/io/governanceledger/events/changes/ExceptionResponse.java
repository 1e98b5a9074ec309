package io.governanceledger.events.changes;

/** What the board decided about an exception. */
public enum ExceptionResponse {
    EXCEPTION_PLAN,
    REBASELINE,
    STOP
}
