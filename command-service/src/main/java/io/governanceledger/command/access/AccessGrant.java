package io.governanceledger.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.security.Subjects;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One access grant: who, which role, on which program (or portfolio-wide), on which days. Granted
 * once, revoked at most once; a change of role or dates is a revocation and a new grant, so the
 * record shows both. Who may grant is checked at the edge ({@code Right.ADMINISTER_ACCESS}); the rules
 * here hold whoever sends the command.
 */
@Aggregate
public class AccessGrant {

    @AggregateIdentifier
    private String grantId;

    private AccessScope scope;
    private String programId;
    private Grantee grantee;
    private AccessRole role;
    private boolean revoked;

    protected AccessGrant() {
        // for event sourcing
    }

    @CommandHandler
    public AccessGrant(
            GrantAccessCommand command,
            ProgramStanding programs,
            BusinessClock clock,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        requireScope(command.scope(), command.programId());
        if (command.scope() == AccessScope.PROGRAM) {
            programs.requireKnown(command.programId());
        }
        requireGrantee(command.grantee());
        if (command.role() == null) {
            throw RuleViolationException.invalid("required", "role", "is required");
        }
        if (command.role() == AccessRole.OPERATOR && command.scope() != AccessScope.PORTFOLIO) {
            throw RuleViolationException.invalid(
                    "portfolio-only", "role", "OPERATOR runs the whole service and is granted portfolio-wide only");
        }
        if (command.validFrom() == null) {
            throw RuleViolationException.invalid("required", "validFrom", "is required");
        }
        if (command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            throw RuleViolationException.invalid(
                    "to-not-before-from", "validTo", "must not be before validFrom " + command.validFrom());
        }
        requireNotOneself(command, actor);
        // in force from the start of its first day, or from when it is recorded if that is later
        Instant firstDay = clock.startOf(command.validFrom());
        Instant effective = firstDay.isBefore(clock.now()) ? firstDay : clock.now();
        apply(
                new AccessGrantedEvent(
                        command.grantId(),
                        command.scope(),
                        command.programId(),
                        command.grantee(),
                        command.role(),
                        command.validFrom(),
                        command.validTo(),
                        actor),
                MetaData.with(LedgerMetaData.EFFECTIVE_AT, effective.toString()));
    }

    @CommandHandler
    public void handle(
            RevokeAccessCommand command,
            BusinessClock clock,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt) {
        if (command.scope() != scope || !Objects.equals(command.programId(), programId)) {
            throw RuleViolationException.notFound(
                    "unknown-grant",
                    "grantId",
                    "No grant '" + command.grantId() + "' "
                            + (command.scope() == AccessScope.PORTFOLIO
                                    ? "portfolio-wide."
                                    : "on program '" + command.programId() + "'."));
        }
        if (revoked) {
            throw RuleViolationException.conflict("already-revoked", "Grant " + grantId + " is already revoked.");
        }
        requireNotInFuture(effectiveAt, clock);
        apply(new AccessRevokedEvent(grantId, scope, programId, grantee, role, actor));
    }

    /** Nobody grants themselves, by name or through a group their token names; the ledger's bootstrap aside. */
    private static void requireNotOneself(GrantAccessCommand command, String actor) {
        if (SystemAction.ACTOR.equals(actor)) {
            return;
        }
        Grantee grantee = command.grantee();
        boolean oneself = grantee.kind() == GranteeKind.PERSON
                ? grantee.id().equals(actor)
                : command.grantorGroups() != null && command.grantorGroups().contains(grantee.id());
        if (oneself) {
            throw RuleViolationException.invalid(
                    "no-self-grant",
                    "grantee.id",
                    grantee.kind() == GranteeKind.PERSON
                            ? "an administrator may not grant access to themselves; another administrator records it"
                            : "you belong to group '" + grantee.id() + "'; another administrator records this grant");
        }
    }

    /**
     * A revocation, or an appointment's end, takes effect now or from an earlier instant (access that
     * ended before it was recorded), never later: a last day is a grant's {@code validTo}.
     */
    static void requireNotInFuture(String effectiveAt, BusinessClock clock) {
        if (effectiveAt != null && Instant.parse(effectiveAt).isAfter(clock.now())) {
            throw RuleViolationException.invalid(
                    "not-in-future",
                    "effectiveAt",
                    "must not be in the future: a revocation takes effect now or from when the access ended; "
                            + "grant with validTo to end access on a later day");
        }
    }

    private static void requireScope(AccessScope scope, String programId) {
        if (scope == null) {
            throw RuleViolationException.invalid("required", "scope", "is required");
        }
        if (scope == AccessScope.PROGRAM && (programId == null || programId.isBlank())) {
            throw RuleViolationException.invalid("required", "programId", "is required for a program grant");
        }
        if (scope == AccessScope.PORTFOLIO && programId != null) {
            throw RuleViolationException.invalid(
                    "portfolio-has-no-program", "programId", "a portfolio-wide grant names no program");
        }
    }

    private static void requireGrantee(Grantee grantee) {
        if (grantee == null || grantee.kind() == null) {
            throw RuleViolationException.invalid("required", "grantee.kind", "is required (PERSON or GROUP)");
        }
        requirePerson(grantee.id(), "grantee.id");
    }

    /** A subject or group name as the identity provider writes it, kept exactly ({@link Subjects}). */
    static void requirePerson(String id, String field) {
        if (id == null || id.isBlank()) {
            throw RuleViolationException.invalid("required", field, "must not be blank");
        }
        if (!Subjects.isKeepable(id)) {
            throw RuleViolationException.invalid("format", field, Subjects.RULE);
        }
    }

    @EventSourcingHandler
    void on(AccessGrantedEvent event) {
        grantId = event.grantId();
        scope = event.scope();
        programId = event.programId();
        grantee = event.grantee();
        role = event.role();
    }

    @EventSourcingHandler
    void on(AccessRevokedEvent event) {
        revoked = true;
    }
}
