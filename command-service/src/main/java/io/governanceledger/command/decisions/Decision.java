package io.governanceledger.command.decisions;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDeferredEvent;
import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRejectedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One entry of a program's decision log. Proposed, then approved, rejected or deferred (a deferred
 * decision can be taken up again); an approved decision can be superseded by a new approved decision
 * or revoked. Its content is never edited. Every change needs the program to be open.
 */
@Aggregate(cache = "decisionCache")
public class Decision {

    private static final Set<DecisionStatus> OPEN = EnumSet.of(DecisionStatus.PROPOSED, DecisionStatus.DEFERRED);

    @AggregateIdentifier
    private String decisionId;

    private String programId;
    private DecisionStatus status;
    private DecisionDetails details;
    private LocalDate decidedOn;

    protected Decision() {
        // for event sourcing
    }

    @CommandHandler
    public Decision(RecordDecisionCommand command, ProgramStanding programs, BusinessClock clock) {
        programs.requireOpen(command.programId());
        DecisionContentRules.check(command.details(), clock);
        apply(
                new DecisionRecordedEvent(command.decisionId(), command.programId(), command.details(), null),
                tabled(clock, command.details()));
    }

    /** The replacing decision, created by {@link #handle(SupersedeDecisionCommand, ProgramStanding, BusinessClock)}. */
    private Decision(SupersedeDecisionCommand command, LocalDate effectiveFrom, BusinessClock clock) {
        DecisionDetails replacing = command.details();
        apply(
                new DecisionRecordedEvent(
                        command.newDecisionId(), command.programId(), replacing, command.decisionId()),
                tabled(clock, replacing));
        apply(
                new DecisionApprovedEvent(
                        command.newDecisionId(),
                        command.programId(),
                        replacing.decidedOn(),
                        effectiveFrom,
                        replacing.chosenOption(),
                        null),
                effectiveAt(clock, replacing.decidedOn()));
    }

    @CommandHandler
    public void handle(
            ApproveDecisionCommand command,
            ProgramStanding programs,
            DecisionFollowers followers,
            BusinessClock clock) {
        requireInProgram(command.programId());
        requireOpenFor("approved");
        programs.requireOpen(programId);
        LocalDate decided = requireDecisionDate(command.decidedOn(), clock);
        String chosen = command.chosenOption() != null ? command.chosenOption() : details.chosenOption();
        if (chosen == null) {
            throw RuleViolationException.invalid(
                    "required", "chosenOption", "an approved decision needs the option chosen");
        }
        if (!details.hasOption(chosen)) {
            throw RuleViolationException.invalid(
                    "known-option", "chosenOption", "'" + chosen + "' is not one of the options considered");
        }
        LocalDate effective = firstNonNull(command.effectiveFrom(), details.effectiveFrom(), decided);
        DecisionContentRules.checkEffectiveFrom(effective, decided);
        String conditions = command.conditions() == null || command.conditions().isBlank()
                ? null
                : command.conditions().strip();
        apply(
                new DecisionApprovedEvent(decisionId, programId, decided, effective, chosen, conditions),
                effectiveAt(clock, decided));
        followers.decisionTaken(programId, decisionId, DecisionStatus.APPROVED, decided, conditions);
    }

    @CommandHandler
    public void handle(
            RejectDecisionCommand command, ProgramStanding programs, DecisionFollowers followers, BusinessClock clock) {
        requireInProgram(command.programId());
        requireOpenFor("rejected");
        programs.requireOpen(programId);
        LocalDate decided = requireDecisionDate(command.decidedOn(), clock);
        apply(new DecisionRejectedEvent(decisionId, programId, decided), effectiveAt(clock, decided));
        followers.decisionTaken(programId, decisionId, DecisionStatus.REJECTED, decided, null);
    }

    @CommandHandler
    public void handle(
            DeferDecisionCommand command, ProgramStanding programs, DecisionFollowers followers, BusinessClock clock) {
        requireInProgram(command.programId());
        requireOpenFor("deferred");
        programs.requireOpen(programId);
        LocalDate decided = requireDecisionDate(command.decidedOn(), clock);
        if (command.deferredUntil() != null && !command.deferredUntil().isAfter(decided)) {
            throw RuleViolationException.invalid(
                    "after-decision-date", "deferredUntil", "must be after the date of deferral " + decided);
        }
        apply(
                new DecisionDeferredEvent(decisionId, programId, decided, command.deferredUntil()),
                effectiveAt(clock, decided));
        followers.decisionTaken(programId, decisionId, DecisionStatus.DEFERRED, decided, null);
    }

    @CommandHandler
    public void handle(SupersedeDecisionCommand command, ProgramStanding programs, BusinessClock clock)
            throws Exception {
        requireInProgram(command.programId());
        requireApprovedFor("superseded");
        programs.requireOpen(programId);
        DecisionDetails replacing = command.details();
        DecisionContentRules.check(replacing, clock);
        if (replacing.decidedOn() == null) {
            throw RuleViolationException.invalid("required", "decidedOn", "a superseding decision must be decided");
        }
        if (replacing.chosenOption() == null) {
            throw RuleViolationException.invalid(
                    "required", "chosenOption", "a superseding decision needs the option chosen");
        }
        if (replacing.decidedOn().isBefore(decidedOn)) {
            throw RuleViolationException.invalid(
                    "not-before-superseded",
                    "decidedOn",
                    "must not be before " + decidedOn + ", when the superseded decision was taken");
        }
        LocalDate effective = replacing.effectiveFrom() != null ? replacing.effectiveFrom() : replacing.decidedOn();
        apply(
                new DecisionSupersededEvent(decisionId, programId, command.newDecisionId(), effective),
                effectiveAt(clock, replacing.decidedOn()));
        createNew(Decision.class, () -> new Decision(command, effective, clock));
    }

    @CommandHandler
    public void handle(
            RevokeDecisionCommand command, ProgramStanding programs, DecisionFollowers followers, BusinessClock clock) {
        requireInProgram(command.programId());
        requireApprovedFor("revoked");
        programs.requireOpen(programId);
        if (command.revokedOn() == null) {
            throw RuleViolationException.invalid("required", "revokedOn", "is required");
        }
        LocalDate revoked = command.revokedOn();
        if (revoked.isAfter(clock.today())) {
            throw RuleViolationException.invalid("not-in-future", "revokedOn", "must not be in the future");
        }
        if (revoked.isBefore(decidedOn)) {
            throw RuleViolationException.invalid(
                    "not-before-decision", "revokedOn", "must not be before the decision date " + decidedOn);
        }
        LocalDate effective = command.effectiveFrom() != null ? command.effectiveFrom() : revoked;
        if (effective.isBefore(revoked)) {
            throw RuleViolationException.invalid(
                    "effective-not-before-revocation",
                    "effectiveFrom",
                    "a revocation cannot take effect before " + revoked + ", when it was decided");
        }
        apply(new DecisionRevokedEvent(decisionId, programId, revoked, effective), effectiveAt(clock, revoked));
        followers.decisionTaken(programId, decisionId, DecisionStatus.REVOKED, revoked, null);
    }

    /** A decision is on the register from the meeting it was tabled at (or decided on), or from now if later. */
    private static MetaData tabled(BusinessClock clock, DecisionDetails details) {
        LocalDate tabled = details.meetingDate() != null ? details.meetingDate() : details.decidedOn();
        Instant from = tabled == null ? clock.now() : clock.startOf(tabled);
        if (from.isAfter(clock.now())) {
            from = clock.now();
        }
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, from.toString());
    }

    /** Asked through {@link DecisionStanding} by records that a decision authorises. */
    boolean isApprovedIn(String requestedProgramId) {
        return decisionId != null && programId.equals(requestedProgramId) && status == DecisionStatus.APPROVED;
    }

    /** The date it was approved on, if it is an approved decision of the program; else null. */
    LocalDate approvedOnIn(String requestedProgramId) {
        return isApprovedIn(requestedProgramId) ? decidedOn : null;
    }

    /** Its deciding body, if it is a proposed or deferred decision of the program; else null. */
    String openBodyIn(String requestedProgramId) {
        return decisionId != null && programId.equals(requestedProgramId) && OPEN.contains(status)
                ? details.decidingBody()
                : null;
    }

    private void requireInProgram(String requestedProgramId) {
        if (decisionId == null || !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound(
                    "unknown-decision", "decisionId", "Program " + requestedProgramId + " has no such decision.");
        }
    }

    private void requireOpenFor(String change) {
        requireStatus(OPEN, "a proposed or deferred", change);
    }

    private void requireApprovedFor(String change) {
        requireStatus(EnumSet.of(DecisionStatus.APPROVED), "an approved", change);
    }

    private void requireStatus(Set<DecisionStatus> allowed, String which, String change) {
        if (!allowed.contains(status)) {
            throw RuleViolationException.conflict(
                    "decision-" + status.name().toLowerCase(),
                    "Decision is " + status + "; only " + which + " decision can be " + change + ".");
        }
    }

    private LocalDate requireDecisionDate(LocalDate date, BusinessClock clock) {
        if (date == null) {
            throw RuleViolationException.invalid("required", "decidedOn", "is required");
        }
        DecisionContentRules.checkDecisionDate(date, details.meetingDate(), clock, "decidedOn");
        return date;
    }

    /**
     * A decision's status changes on the day it is decided (that is what the register showed then);
     * the date from which its content governs is the payload's effectiveFrom.
     */
    private static MetaData effectiveAt(BusinessClock clock, LocalDate date) {
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, clock.startOf(date).toString());
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent event) {
        decisionId = event.decisionId();
        programId = event.programId();
        details = event.details();
        status = DecisionStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(DecisionApprovedEvent event) {
        status = DecisionStatus.APPROVED;
        decidedOn = event.decidedOn();
    }

    @EventSourcingHandler
    void on(DecisionRejectedEvent event) {
        status = DecisionStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DecisionDeferredEvent event) {
        status = DecisionStatus.DEFERRED;
    }

    @EventSourcingHandler
    void on(DecisionSupersededEvent event) {
        status = DecisionStatus.SUPERSEDED;
    }

    @EventSourcingHandler
    void on(DecisionRevokedEvent event) {
        status = DecisionStatus.REVOKED;
    }
}
