package io.governanceledger.events.access;

import org.axonframework.serialization.Revision;

/** The appointment no longer applies from the event's effective instant; who it named is repeated. */
@Revision("1")
public record DeputyAppointmentRevokedEvent(
        String appointmentId, String programId, String principal, String deputy, String revokedBy) {}
