package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The decision that approved the change request was revoked on {@code revokedOn}: from then the request
 * authorises nothing more (no movement, amendment, scope change or baseline names it); what it
 * authorised before stays on record. Recorded with the revocation, in the same transaction.
 */
@Revision("1")
public record ChangeRequestAuthorityEndedEvent(
        String programId, String changeRequestId, String decisionId, LocalDate revokedOn) {}
