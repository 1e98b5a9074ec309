package io.governanceledger.query.budget;

import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.query.timeline.Fact;
import java.util.Map;

/** A delegation of authority's state, folded from its facts; kept as JSON in {@code delegation_version.state}. */
record DelegationState(DelegationGrantedEvent grant, boolean revoked) {

    static DelegationState fold(DelegationState state, Fact fact) {
        if (fact.event() instanceof DelegationGrantedEvent granted) {
            return new DelegationState(granted, false);
        }
        if (state != null && fact.event() instanceof DelegationRevokedEvent) {
            return new DelegationState(state.grant, true);
        }
        return state;
    }

    Map<String, Object> indexedColumns() {
        return Map.of("status", revoked ? "REVOKED" : "GRANTED", "holder", grant.holder());
    }
}
