package io.governanceledger.query.access;

import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.support.access.GrantTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code projections.access_grant} and {@code access_revocation}: every grant and revocation, once. */
@Component
@ProcessingGroup("access")
class AccessProjection {

    private final GrantTable grants;

    AccessProjection(JdbcClient jdbc) {
        this.grants = new GrantTable(jdbc, "");
    }

    @EventHandler
    void on(AccessGrantedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @EventHandler
    void on(AccessRevokedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @ResetHandler
    void reset() {
        grants.clear();
    }
}
