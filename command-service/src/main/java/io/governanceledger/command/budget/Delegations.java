package io.governanceledger.command.budget;

import io.governanceledger.command.budget.MovementRules.LineCheck;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A budget's delegations of authority and their rules: who may grant what to whom, whose delegation
 * lets a movement be booked at once, and who may approve or refuse one. A delegation covers a movement
 * when it is valid on the day, covers its lines (both sides of a transfer) or their categories, and
 * reaches its amount. Logins are case-insensitive: "FINANCE" is the same person as "finance".
 */
final class Delegations {

    private final Map<String, Delegation> active = new LinkedHashMap<>();
    private final Set<String> revoked = new HashSet<>();

    /** A grant's own rules: a new id, a holder who is not the grantor, an amount, a period, lines of the program. */
    void requireGrantable(GrantDelegationCommand command, String actor, String programCurrency, LineCheck lines) {
        if (active.containsKey(command.delegationId()) || revoked.contains(command.delegationId())) {
            throw RuleViolationException.conflict(
                    "delegation-exists", "Delegation " + command.delegationId() + " exists.");
        }
        if (command.holder() == null || command.holder().isBlank()) {
            throw RuleViolationException.invalid("required", "holder", "is required");
        }
        if (command.holder().equalsIgnoreCase(actor)) {
            throw RuleViolationException.invalid("not-to-yourself", "holder", "nobody grants authority to themselves");
        }
        MovementRules.requireMoney(command.maxAmount(), "maxAmount", programCurrency);
        if (command.validFrom() == null || command.validTo() == null) {
            throw RuleViolationException.invalid(
                    "required", command.validFrom() == null ? "validFrom" : "validTo", "is required");
        }
        if (command.validTo().isBefore(command.validFrom())) {
            throw RuleViolationException.invalid(
                    "to-after-from", "validTo", "must not be before " + command.validFrom());
        }
        if (command.lineIds() != null) {
            command.lineIds().forEach(lineId -> lines.require(lineId, "lineIds"));
        }
    }

    /** The active delegation of that id; refused as unknown otherwise. */
    Delegation requireActive(String delegationId, String programId) {
        Delegation delegation = active.get(delegationId);
        if (delegation == null) {
            throw RuleViolationException.notFound(
                    "unknown-delegation",
                    "delegationId",
                    "Program " + programId + " has no active delegation '" + delegationId + "'.");
        }
        return delegation;
    }

    /** The requester's delegation that lets the movement be booked without an approver, if any. */
    Optional<Delegation> covering(
            String actor, BudgetMovement movement, LocalDate today, Map<String, BudgetLine> lines) {
        return active.values().stream()
                .filter(d -> d.holder().equalsIgnoreCase(actor)
                        && d.validOn(today)
                        && covers(d, movement, lines)
                        && movement.amount().amount().compareTo(d.maxAmount()) <= 0)
                .findFirst();
    }

    /**
     * The approver's delegation that covers the movement; the most telling refusal otherwise: the
     * requester, no delegation, none valid today, none covering its lines, none reaching its amount.
     */
    Delegation requireApprover(
            String actor,
            String requestedBy,
            BudgetMovement movement,
            LocalDate today,
            Map<String, BudgetLine> lines,
            String programId) {
        if (actor.equals(requestedBy)) {
            throw RuleViolationException.conflict(
                    "self-approval", "The requester of a movement cannot approve or " + "refuse it.");
        }
        List<Delegation> own = active.values().stream()
                .filter(d -> d.holder().equalsIgnoreCase(actor))
                .toList();
        if (own.isEmpty()) {
            throw RuleViolationException.conflict(
                    "no-delegation", actor + " holds no delegation in program " + programId + ".");
        }
        List<Delegation> valid = own.stream().filter(d -> d.validOn(today)).toList();
        if (valid.isEmpty()) {
            throw RuleViolationException.conflict(
                    "delegation-not-valid", "No delegation of " + actor + " is valid on " + today + ".");
        }
        List<Delegation> inScope =
                valid.stream().filter(d -> covers(d, movement, lines)).toList();
        if (inScope.isEmpty()) {
            throw RuleViolationException.conflict(
                    "delegation-out-of-scope",
                    "No valid delegation of " + actor + " covers the lines or categories of this movement.");
        }
        return inScope.stream()
                .filter(d -> movement.amount().amount().compareTo(d.maxAmount()) <= 0)
                .findFirst()
                .orElseThrow(() -> RuleViolationException.conflict(
                        "limit-too-low",
                        "The delegations of " + actor + " stop below "
                                + movement.amount().amount() + "."));
    }

    private static boolean covers(Delegation delegation, BudgetMovement movement, Map<String, BudgetLine> lines) {
        return delegation.coversLine(lines.get(movement.lineId()))
                && (movement.toLineId() == null || delegation.coversLine(lines.get(movement.toLineId())));
    }

    void granted(DelegationGrantedEvent event) {
        active.put(
                event.delegationId(),
                new Delegation(
                        event.delegationId(),
                        event.holder(),
                        event.maxAmount().amount(),
                        event.lineIds(),
                        event.categories(),
                        event.validFrom(),
                        event.validTo()));
    }

    void revoked(String delegationId) {
        active.remove(delegationId);
        revoked.add(delegationId);
    }

    /** By value, so a test fixture can compare the state a command left with the state its events rebuild. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Delegations that && active.equals(that.active) && revoked.equals(that.revoked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(active, revoked);
    }
}
