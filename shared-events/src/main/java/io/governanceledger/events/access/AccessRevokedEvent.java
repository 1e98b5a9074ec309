package io.governanceledger.events.access;

import org.axonframework.serialization.Revision;

/**
 * Grant {@code grantId} no longer applies from the event's effective instant (its {@code effectiveAt},
 * which may lie before the time it was recorded: "she left on 1 March", recorded on 3 March). The
 * grant's scope, grantee and role are repeated so the event reads on its own in an audit trail.
 */
@Revision("1")
public record AccessRevokedEvent(
        String grantId, AccessScope scope, String programId, Grantee grantee, AccessRole role, String revokedBy) {}
