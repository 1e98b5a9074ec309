package io.governanceledger.events.access;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * {@code deputy} may act on behalf of {@code principal} on program {@code programId} on every day from
 * {@code validFrom} to {@code validTo}, both included (open-ended without it): the secretary who
 * records the chair's decision. What the deputy may do is still what the deputy's own grants allow;
 * the record then names both ({@code actor} and {@code onBehalfOf}). Subjects as their tokens carry them.
 */
@Revision("1")
public record DeputyAppointedEvent(
        String appointmentId,
        String programId,
        String principal,
        String deputy,
        LocalDate validFrom,
        LocalDate validTo,
        String appointedBy) {}
