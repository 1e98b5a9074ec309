package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/**
 * The ledger found a forecast outside the program's tolerance against baseline {@code baselineNumber}
 * and raised an exception (EX-1, EX-2, ...), recorded by the ledger itself; open until the board
 * decides it.
 */
@Revision("1")
public record ToleranceExceptionRaisedEvent(
        String programId, String exceptionId, int baselineNumber, ToleranceBreach breach) {}
