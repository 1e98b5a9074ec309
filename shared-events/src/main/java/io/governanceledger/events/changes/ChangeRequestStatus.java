package io.governanceledger.events.changes;

/**
 * raised -> under assessment -> assessed -> submitted -> approved / rejected / deferred (only by the
 * decision it was submitted to) -> implementing -> implemented -> closed; withdrawn any time before it
 * is decided. A deferred request can be assessed and submitted again.
 */
public enum ChangeRequestStatus {
    RAISED,
    UNDER_ASSESSMENT,
    ASSESSED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    DEFERRED,
    IMPLEMENTING,
    IMPLEMENTED,
    CLOSED,
    WITHDRAWN
}
