package io.governanceledger.command.budget;

import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.LedgerEntry.Measure;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a movement into ledger entries against the current balances, or refuses it: nothing is
 * reduced, transferred, committed or spent beyond a line's available amount (allocated - committed -
 * actual) on any date from the movement's effective date on, a release frees only what its commitment
 * still holds, and purchase orders and invoices are booked once.
 */
final class BudgetBalances {

    private final Map<String, BudgetLine> lines;
    private final Map<String, OpenCommitment> commitments;
    private final java.util.Set<String> invoices;

    BudgetBalances(
            Map<String, BudgetLine> lines, Map<String, OpenCommitment> commitments, java.util.Set<String> invoices) {
        this.lines = lines;
        this.commitments = commitments;
        this.invoices = invoices;
    }

    /** @param movement dated: its effective date is set */
    List<LedgerEntry> entriesFor(BudgetMovement movement) {
        BigDecimal amount = movement.amount().amount();
        java.time.LocalDate on = movement.effectiveDate() != null ? movement.effectiveDate() : java.time.LocalDate.MIN;
        BudgetLine line = lines.get(movement.lineId());
        List<LedgerEntry> entries = new ArrayList<>();
        switch (movement.kind()) {
            case ALLOCATION -> entries.add(new LedgerEntry(line.lineId, Measure.ALLOCATED, amount));
            case REDUCTION -> {
                requireAvailable(line, amount, on);
                entries.add(new LedgerEntry(line.lineId, Measure.ALLOCATED, amount.negate()));
            }
            case TRANSFER -> {
                requireAvailable(line, amount, on);
                entries.add(new LedgerEntry(line.lineId, Measure.ALLOCATED, amount.negate()));
                entries.add(new LedgerEntry(movement.toLineId(), Measure.ALLOCATED, amount));
            }
            case COMMITMENT -> {
                if (commitments.containsKey(movement.reference())) {
                    throw RuleViolationException.conflict(
                            "commitment-exists", "Commitment " + movement.reference() + " is already booked.");
                }
                requireAvailable(line, amount, on);
                entries.add(new LedgerEntry(line.lineId, Measure.COMMITTED, amount));
            }
            case RELEASE -> {
                OpenCommitment commitment = commitmentOn(line, movement.commitmentReference(), on);
                if (amount.compareTo(commitment.open()) > 0) {
                    throw RuleViolationException.invalid(
                            "exceeds-open-commitment",
                            "amount",
                            "exceeds the " + commitment.open() + " still open on commitment "
                                    + movement.commitmentReference());
                }
                entries.add(new LedgerEntry(line.lineId, Measure.COMMITTED, amount.negate()));
            }
            case ACTUAL -> {
                if (invoices.contains(movement.reference())) {
                    throw RuleViolationException.conflict(
                            "invoice-booked", "Invoice " + movement.reference() + " is already booked.");
                }
                BigDecimal consumed = BigDecimal.ZERO;
                if (movement.commitmentReference() != null) {
                    consumed = commitmentOn(line, movement.commitmentReference(), on)
                            .open()
                            .min(amount);
                }
                requireAvailable(line, amount.subtract(consumed), on);
                if (consumed.signum() > 0) {
                    entries.add(new LedgerEntry(line.lineId, Measure.COMMITTED, consumed.negate()));
                }
                entries.add(new LedgerEntry(line.lineId, Measure.ACTUAL, amount));
            }
            case REFORECAST ->
                entries.add(new LedgerEntry(line.lineId, Measure.FORECAST, amount.subtract(line.forecast)));
        }
        return entries;
    }

    /**
     * The commitment a release or invoice draws on. It must be in force on the movement's date: a release
     * dated before its purchase order would free, on that date, money that was never committed. (Every
     * draw is dated on or after the commitment, so what is still open is the least it holds on any date
     * from the movement's on.)
     */
    private OpenCommitment commitmentOn(BudgetLine line, String reference, java.time.LocalDate on) {
        OpenCommitment commitment = commitments.get(reference);
        if (commitment == null || !commitment.lineId().equals(line.lineId)) {
            throw RuleViolationException.notFound(
                    "unknown-commitment",
                    "commitmentReference",
                    "Line " + line.lineId + " has no commitment '" + reference + "'.");
        }
        if (on.isBefore(commitment.from())) {
            throw RuleViolationException.conflict(
                    "before-commitment",
                    "Commitment " + reference + " takes effect on " + commitment.from()
                            + "; nothing can be released or invoiced against it before that date.");
        }
        return commitment;
    }

    private static void requireAvailable(BudgetLine line, BigDecimal amount, java.time.LocalDate on) {
        if (amount.signum() <= 0) {
            return; // takes nothing from the line (an invoice its commitment covers)
        }
        if (amount.compareTo(line.available()) > 0) {
            throw RuleViolationException.conflict(
                    "insufficient-available",
                    "Line " + line.lineId + " has " + line.available() + " available; the movement needs " + amount
                            + ".");
        }
        BigDecimal least = line.leastAvailableFrom(on);
        if (amount.compareTo(least) > 0) {
            throw RuleViolationException.conflict(
                    "insufficient-available-on-date",
                    "Line " + line.lineId + " has "
                            + least + " available at its lowest on a date from " + on
                            + " on (every booked movement on its "
                            + "effective date); the movement needs " + amount
                            + ", which would take that date below zero.");
        }
    }

    /** What a purchase order or call-off still holds on its line. */
    record OpenCommitment(String lineId, BigDecimal open, java.time.LocalDate from) {}
}
