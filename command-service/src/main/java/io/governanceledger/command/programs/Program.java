package io.governanceledger.command.programs;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.ids.IdFormats;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A governed program. Once closed it takes no new records and no changes. */
@Aggregate(cache = "programCache")
public class Program {

    @AggregateIdentifier
    private String programId;

    private String name;
    private LocalDate startDate;
    private LocalDate plannedEndDate;
    private String currency;
    private boolean closed;

    protected Program() {
        // for event sourcing
    }

    @CommandHandler
    public Program(CreateProgramCommand command, BusinessClock clock) {
        if (!IdFormats.isRecordId(command.programId())) {
            throw RuleViolationException.invalid("format", "programId", IdFormats.RECORD_ID_RULE);
        }
        requireText(command.name(), "name");
        requireText(command.sponsor(), "sponsor");
        if (command.startDate() == null) {
            throw RuleViolationException.invalid("required", "startDate", "is required");
        }
        if (command.plannedEndDate() == null) {
            throw RuleViolationException.invalid("required", "plannedEndDate", "is required");
        }
        if (!command.plannedEndDate().isAfter(command.startDate())) {
            throw RuleViolationException.invalid(
                    "end-after-start", "plannedEndDate", "must be after the start date " + command.startDate());
        }
        requireCurrency(command.currency());
        apply(
                new ProgramCreatedEvent(
                        command.programId(),
                        command.name().strip(),
                        command.sponsor().strip(),
                        command.startDate(),
                        command.plannedEndDate(),
                        command.currency()),
                MetaData.with(
                        LedgerMetaData.EFFECTIVE_AT,
                        existingFrom(clock, command.startDate()).toString()));
    }

    /** A program exists from its start, or from when it is recorded if it starts later. */
    private static Instant existingFrom(BusinessClock clock, LocalDate startDate) {
        Instant start = clock.startOf(startDate);
        return start.isBefore(clock.now()) ? start : clock.now();
    }

    @CommandHandler
    public void handle(RenameProgramCommand command) {
        requireOpen();
        requireText(command.name(), "name");
        if (command.name().strip().equals(name)) {
            throw RuleViolationException.invalid("unchanged", "name", "is already the program's name");
        }
        apply(new ProgramRenamedEvent(programId, name, command.name().strip()));
    }

    @CommandHandler
    public void handle(CloseProgramCommand command, BusinessClock clock) {
        requireOpen();
        if (command.closedOn() == null) {
            throw RuleViolationException.invalid("required", "closedOn", "is required");
        }
        if (command.closedOn().isBefore(startDate)) {
            throw RuleViolationException.invalid(
                    "not-before-start", "closedOn", "must not be before the program's start date " + startDate);
        }
        if (command.closedOn().isAfter(clock.today())) {
            throw RuleViolationException.invalid("not-in-future", "closedOn", "must not be in the future");
        }
        apply(
                new ProgramClosedEvent(programId, command.closedOn()),
                MetaData.with(
                        LedgerMetaData.EFFECTIVE_AT,
                        clock.startOf(command.closedOn()).toString()));
    }

    /** False when the id names another kind of record, whose events do not build a program. */
    boolean exists() {
        return programId != null;
    }

    /** Asked by other aggregates' handlers, through {@link ProgramStanding}. */
    boolean isClosed() {
        return closed;
    }

    ProgramStanding.ProgramFacts facts() {
        return new ProgramStanding.ProgramFacts(currency, startDate, plannedEndDate);
    }

    private void requireOpen() {
        if (closed) {
            throw RuleViolationException.conflict("program-closed", "Program " + programId + " is closed.");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("required", field, "must not be blank");
        }
    }

    private static void requireCurrency(String code) {
        try {
            if (code == null || !Currency.getInstance(code).getCurrencyCode().equals(code)) {
                throw new IllegalArgumentException(code);
            }
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.invalid(
                    "iso-4217", "currency", "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    @EventSourcingHandler
    void on(ProgramCreatedEvent event) {
        programId = event.programId();
        name = event.name();
        startDate = event.startDate();
        plannedEndDate = event.plannedEndDate();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(ProgramRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProgramClosedEvent event) {
        closed = true;
    }
}
