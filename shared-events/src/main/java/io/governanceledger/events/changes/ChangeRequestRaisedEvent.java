package io.governanceledger.events.changes;

import org.axonframework.serialization.Revision;

/** A change request entered the program's change register with the next number (CR-1, CR-2, ...). */
@Revision("1")
public record ChangeRequestRaisedEvent(
        String programId, String changeRequestId, int number, ChangeRequestDetails details) {}
