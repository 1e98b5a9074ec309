package io.governanceledger.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.access.DeputyAppointedEvent;
import io.governanceledger.events.access.DeputyAppointmentRevokedEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One deputy appointment: a deputy who may act on behalf of a principal on one program, on which days.
 * Who may appoint (the principal, or a program administrator) is checked at the edge.
 */
@Aggregate
public class DeputyAppointment {

    @AggregateIdentifier
    private String appointmentId;

    private String programId;
    private String principal;
    private String deputy;
    private boolean revoked;

    protected DeputyAppointment() {
        // for event sourcing
    }

    @CommandHandler
    public DeputyAppointment(
            AppointDeputyCommand command,
            ProgramStanding programs,
            BusinessClock clock,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        programs.requireKnown(command.programId());
        AccessGrant.requirePerson(command.principal(), "principal");
        AccessGrant.requirePerson(command.deputy(), "deputy");
        if (command.principal().equals(command.deputy())) {
            throw RuleViolationException.invalid("not-oneself", "deputy", "a person does not act on their own behalf");
        }
        if (command.validFrom() == null) {
            throw RuleViolationException.invalid("required", "validFrom", "is required");
        }
        if (command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            throw RuleViolationException.invalid(
                    "to-not-before-from", "validTo", "must not be before validFrom " + command.validFrom());
        }
        Instant firstDay = clock.startOf(command.validFrom());
        Instant effective = firstDay.isBefore(clock.now()) ? firstDay : clock.now();
        apply(
                new DeputyAppointedEvent(
                        command.appointmentId(),
                        command.programId(),
                        command.principal(),
                        command.deputy(),
                        command.validFrom(),
                        command.validTo(),
                        actor),
                MetaData.with(LedgerMetaData.EFFECTIVE_AT, effective.toString()));
    }

    @CommandHandler
    public void handle(
            RevokeDeputyCommand command,
            BusinessClock clock,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt) {
        if (!command.programId().equals(programId)) {
            throw RuleViolationException.notFound(
                    "unknown-appointment",
                    "appointmentId",
                    "No deputy appointment '" + command.appointmentId() + "' on program '" + command.programId()
                            + "'.");
        }
        if (revoked) {
            throw RuleViolationException.conflict(
                    "already-revoked", "Deputy appointment " + appointmentId + " is already revoked.");
        }
        AccessGrant.requireNotInFuture(effectiveAt, clock);
        apply(new DeputyAppointmentRevokedEvent(appointmentId, programId, principal, deputy, actor));
    }

    /** Who the appointment lets act for whom, for the edge's check of who may revoke it. */
    String principal() {
        return principal;
    }

    @EventSourcingHandler
    void on(DeputyAppointedEvent event) {
        appointmentId = event.appointmentId();
        programId = event.programId();
        principal = event.principal();
        deputy = event.deputy();
    }

    @EventSourcingHandler
    void on(DeputyAppointmentRevokedEvent event) {
        revoked = true;
    }
}
