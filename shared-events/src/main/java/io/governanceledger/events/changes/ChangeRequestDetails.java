package io.governanceledger.events.changes;

import java.util.List;

/** A change request as raised; never edited (its assessment, decision and implementation are later events). */
public record ChangeRequestDetails(
        String title,
        String description,
        ChangeType type,
        Requester requestedBy,
        ChangeUrgency urgency,
        List<AffectedItem> affected) {

    public ChangeRequestDetails {
        affected = affected == null ? List.of() : List.copyOf(affected);
    }
}
