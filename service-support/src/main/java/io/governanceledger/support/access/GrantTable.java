package io.governanceledger.support.access;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.DeputyAppointedEvent;
import io.governanceledger.events.access.DeputyAppointmentRevokedEvent;
import io.governanceledger.events.access.Grantee;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.support.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tables {@code access_grant} and {@code access_revocation} (in the schema named by {@code prefix}).
 * A grant is in force at effective instant {@code at} (on business day {@code day}) as known at
 * {@code knownAt} when it was recorded by then, {@code day} lies between its first and last day, and no
 * revocation recorded by then took effect at or before {@code at}. Writes are idempotent: a redelivered
 * or replayed event changes nothing.
 */
public final class GrantTable {

    private final JdbcClient jdbc;
    private final String grants;
    private final String revocations;
    private final String deputies;
    private final String deputyRevocations;
    private final String inForceClause;
    private final String deputyInForceClause;

    /** {@code prefix}: the schema with its dot ({@code "command."}), or empty for the connection's own. */
    public GrantTable(JdbcClient jdbc, String prefix) {
        this.jdbc = jdbc;
        this.grants = prefix + "access_grant";
        this.revocations = prefix + "access_revocation";
        this.deputies = prefix + "deputy_appointment";
        this.deputyRevocations = prefix + "deputy_revocation";
        this.inForceClause = IN_FORCE.replace("%REVOCATIONS%", revocations);
        this.deputyInForceClause = IN_FORCE.replace("g.", "d.")
                .replace("%REVOCATIONS%", deputyRevocations)
                .replace("r.grant_id = d.grant_id", "r.appointment_id = d.appointment_id");
    }

    /**
     * Keeps an access event as recorded: a grant, or a revocation effective from the event's
     * {@code effectiveAt} (its recorded time if it has none). Other events are ignored.
     */
    public void record(EventMessage<?> message) {
        Object name = message.getMetaData().get(LedgerMetaData.ACTOR_NAME);
        String actorName = name != null ? name.toString() : null;
        if (message.getPayload() instanceof AccessGrantedEvent granted) {
            recordGrant(granted, message.getTimestamp(), actorName);
        } else if (message.getPayload() instanceof AccessRevokedEvent revoked) {
            recordRevocation(message.getIdentifier(), revoked, effectiveAt(message), message.getTimestamp(), actorName);
        } else if (message.getPayload() instanceof DeputyAppointedEvent appointed) {
            jdbc.sql("INSERT INTO " + deputies
                            + " (appointment_id, program_id, principal, deputy, valid_from, valid_to, appointed_by,"
                            + " appointed_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (appointment_id) DO NOTHING")
                    .params(
                            appointed.appointmentId(),
                            appointed.programId(),
                            appointed.principal(),
                            appointed.deputy(),
                            appointed.validFrom(),
                            appointed.validTo(),
                            appointed.appointedBy(),
                            actorName,
                            Timestamp.from(message.getTimestamp()))
                    .update();
        } else if (message.getPayload() instanceof DeputyAppointmentRevokedEvent revoked) {
            jdbc.sql("INSERT INTO " + deputyRevocations
                            + " (event_id, appointment_id, effective_at, revoked_by, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                    .params(
                            message.getIdentifier(),
                            revoked.appointmentId(),
                            Timestamp.from(effectiveAt(message)),
                            revoked.revokedBy(),
                            Timestamp.from(message.getTimestamp()))
                    .update();
        }
    }

    private static Instant effectiveAt(EventMessage<?> message) {
        Object effectiveAt = message.getMetaData().get(LedgerMetaData.EFFECTIVE_AT);
        return effectiveAt != null ? Instant.parse(effectiveAt.toString()) : message.getTimestamp();
    }

    /** Whether {@code deputy} may act on behalf of {@code principal} on the program at the point. */
    public boolean actsFor(
            String deputy, String principal, String programId, LocalDate day, Instant at, Instant knownAt) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + deputies + " d WHERE d.program_id = :program"
                        + " AND d.deputy = :deputy AND d.principal = :principal" + deputyInForceClause + ")")
                .param("program", programId)
                .param("deputy", deputy)
                .param("principal", principal)
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("knownAt", Timestamp.from(knownAt))
                .query(Boolean.class)
                .single();
    }

    /** The principal an appointment on the program names, if it was recorded there. */
    public java.util.Optional<String> principalOf(String appointmentId, String programId) {
        return jdbc.sql("SELECT principal FROM " + deputies + " WHERE appointment_id = ? AND program_id = ?")
                .params(appointmentId, programId)
                .query(String.class)
                .optional();
    }

    /** Every deputy appointment in force on the program at the point. */
    public List<DeputyInForce> deputiesInForce(String programId, LocalDate day, Instant at, Instant knownAt) {
        return jdbc.sql("SELECT d.* FROM " + deputies + " d WHERE d.program_id = :program" + deputyInForceClause
                        + " ORDER BY d.principal, d.deputy, d.appointment_id")
                .param("program", programId)
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("knownAt", Timestamp.from(knownAt))
                .query((row, n) -> new DeputyInForce(
                        row.getString("appointment_id"),
                        row.getString("principal"),
                        row.getString("deputy"),
                        row.getObject("valid_from", LocalDate.class),
                        row.getObject("valid_to", LocalDate.class),
                        row.getString("appointed_by"),
                        row.getString("appointed_by_name"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** A deputy appointment in force at the point asked. */
    public record DeputyInForce(
            String appointmentId,
            String principal,
            String deputy,
            LocalDate validFrom,
            LocalDate validTo,
            String appointedBy,
            String appointedByName,
            Instant recordedAt) {}

    private void recordGrant(AccessGrantedEvent event, Instant recordedAt, String actorName) {
        jdbc.sql("INSERT INTO " + grants
                        + " (grant_id, scope, program_id, grantee_kind, grantee, role, valid_from, valid_to, granted_by,"
                        + " granted_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (grant_id) DO NOTHING")
                .params(
                        event.grantId(),
                        event.scope().name(),
                        event.programId(),
                        event.grantee().kind().name(),
                        event.grantee().id(),
                        event.role().name(),
                        event.validFrom(),
                        event.validTo(),
                        event.grantedBy(),
                        actorName,
                        Timestamp.from(recordedAt))
                .update();
    }

    private void recordRevocation(
            String eventId, AccessRevokedEvent event, Instant effectiveAt, Instant recordedAt, String actorName) {
        jdbc.sql("INSERT INTO " + revocations
                        + " (event_id, grant_id, effective_at, revoked_by, revoked_by_name, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(
                        eventId,
                        event.grantId(),
                        Timestamp.from(effectiveAt),
                        event.revokedBy(),
                        actorName,
                        Timestamp.from(recordedAt))
                .update();
    }

    public void clear() {
        jdbc.sql("DELETE FROM " + revocations).update();
        jdbc.sql("DELETE FROM " + grants).update();
        jdbc.sql("DELETE FROM " + deputyRevocations).update();
        jdbc.sql("DELETE FROM " + deputies).update();
    }

    /** The caller's roles on a program (portfolio-wide grants included), or portfolio-wide only if null. */
    public Set<AccessRole> roles(Caller caller, String programId, LocalDate day, Instant at, Instant knownAt) {
        List<String> roles = jdbc.sql("SELECT DISTINCT g.role FROM " + grants + " g WHERE "
                        + (programId == null
                                ? "g.scope = 'PORTFOLIO'"
                                : "(g.scope = 'PORTFOLIO' OR g.program_id = :program)")
                        + " AND ((g.grantee_kind = 'PERSON' AND g.grantee = :subject)"
                        + " OR (g.grantee_kind = 'GROUP' AND g.grantee = ANY(:groups)))"
                        + inForceClause)
                .param("program", programId)
                .param("subject", caller.subject())
                .param("groups", caller.groups().toArray(String[]::new))
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("knownAt", Timestamp.from(knownAt))
                .query(String.class)
                .list();
        Set<AccessRole> held = EnumSet.noneOf(AccessRole.class);
        roles.forEach(role -> held.add(AccessRole.valueOf(role)));
        return held;
    }

    /**
     * The programs on which the caller holds a program grant of one of {@code roles} (portfolio-wide
     * grants are not listed here).
     */
    public Set<String> programsGranted(
            Caller caller, Set<AccessRole> roles, LocalDate day, Instant at, Instant knownAt) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT g.program_id FROM " + grants + " g WHERE g.scope = 'PROGRAM'"
                        + " AND g.role = ANY(:roles)"
                        + " AND ((g.grantee_kind = 'PERSON' AND g.grantee = :subject)"
                        + " OR (g.grantee_kind = 'GROUP' AND g.grantee = ANY(:groups)))"
                        + inForceClause)
                .param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
                .param("subject", caller.subject())
                .param("groups", caller.groups().toArray(String[]::new))
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("knownAt", Timestamp.from(knownAt))
                .query(String.class)
                .list());
    }

    /** Every grant in force on a program (portfolio-wide ones included), or portfolio-wide ones if null. */
    public List<GrantInForce> inForce(String programId, LocalDate day, Instant at, Instant knownAt) {
        return jdbc.sql("SELECT g.* FROM " + grants + " g WHERE "
                        + (programId == null
                                ? "g.scope = 'PORTFOLIO'"
                                : "(g.scope = 'PORTFOLIO' OR g.program_id = :program)")
                        + inForceClause
                        + " ORDER BY g.scope, g.role, g.grantee_kind, g.grantee, g.grant_id")
                .param("program", programId)
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("knownAt", Timestamp.from(knownAt))
                .query((row, n) -> new GrantInForce(
                        row.getString("grant_id"),
                        AccessScope.valueOf(row.getString("scope")),
                        row.getString("program_id"),
                        new Grantee(GranteeKind.valueOf(row.getString("grantee_kind")), row.getString("grantee")),
                        AccessRole.valueOf(row.getString("role")),
                        row.getObject("valid_from", LocalDate.class),
                        row.getObject("valid_to", LocalDate.class),
                        row.getString("granted_by"),
                        row.getString("granted_by_name"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Whether any grant was ever recorded. */
    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + grants + ")")
                .query(Boolean.class)
                .single();
    }

    /** Whether a grant with this id was recorded (on any program). */
    public boolean exists(String grantId) {
        return jdbc.sql("SELECT count(*) FROM " + grants + " WHERE grant_id = ?")
                        .param(grantId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static final String IN_FORCE = " AND g.recorded_at <= :knownAt AND g.valid_from <= :day"
            + " AND (g.valid_to IS NULL OR g.valid_to >= :day)"
            + " AND NOT EXISTS (SELECT 1 FROM %REVOCATIONS% r WHERE r.grant_id = g.grant_id"
            + " AND r.recorded_at <= :knownAt AND r.effective_at <= :at)";

    /** A grant in force at the point asked, with who recorded it and when. */
    public record GrantInForce(
            String grantId,
            AccessScope scope,
            String programId,
            Grantee grantee,
            AccessRole role,
            LocalDate validFrom,
            LocalDate validTo,
            String grantedBy,
            String grantedByName,
            Instant recordedAt) {}
}
