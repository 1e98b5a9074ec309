package io.governanceledger.query.access;

import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.events.access.DeputyAppointedEvent;
import io.governanceledger.events.access.DeputyAppointmentRevokedEvent;
import io.governanceledger.support.access.GrantTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the grants, the deputy appointments and their revocations ({@code projections.access_*}, {@code deputy_*}), each once. */
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

    @EventHandler
    void on(DeputyAppointedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @EventHandler
    void on(DeputyAppointmentRevokedEvent event, EventMessage<?> message) {
        grants.record(message);
    }

    @ResetHandler
    void reset() {
        grants.clear();
    }
}
