package io.governanceledger.command.budget;

import io.governanceledger.events.budget.CostCategory;
import io.governanceledger.events.budget.LedgerEntry;
import java.math.BigDecimal;

/** A line's balances inside {@link ProgramBudget}; changed only by booked ledger entries. */
final class BudgetLine {

    final String lineId;
    final CostCategory category;
    BigDecimal allocated = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal actual = BigDecimal.ZERO;
    BigDecimal forecast = BigDecimal.ZERO;
    /** Whether the line was ever reforecast: until then its estimate at completion is its allocation. */
    boolean reforecast;
    /** How the available amount changes on each effective date (booked entries only). */
    private final java.util.TreeMap<java.time.LocalDate, BigDecimal> availableChanges = new java.util.TreeMap<>();

    BudgetLine(String lineId, CostCategory category) {
        this.lineId = lineId;
        this.category = category;
    }

    BigDecimal estimateAtCompletion() {
        return reforecast ? forecast : allocated;
    }

    BigDecimal available() {
        return allocated.subtract(committed).subtract(actual);
    }

    /** By value, so a test fixture can compare the state a command left with the state its events rebuild. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BudgetLine line
                && lineId.equals(line.lineId)
                && category == line.category
                && allocated.compareTo(line.allocated) == 0
                && committed.compareTo(line.committed) == 0
                && actual.compareTo(line.actual) == 0
                && forecast.compareTo(line.forecast) == 0;
    }

    @Override
    public int hashCode() {
        return lineId.hashCode();
    }

    /**
     * The least the line has available on any date from {@code from} on, given every booked entry on
     * its effective date: what a movement effective on {@code from} may take without making any later
     * date negative (a back-dated transfer out before a later allocation, say).
     */
    BigDecimal leastAvailableFrom(java.time.LocalDate from) {
        BigDecimal running = BigDecimal.ZERO;
        for (BigDecimal change : availableChanges.headMap(from, true).values()) {
            running = running.add(change);
        }
        BigDecimal least = running;
        for (BigDecimal change : availableChanges.tailMap(from, false).values()) {
            running = running.add(change);
            least = least.min(running);
        }
        return least;
    }

    void apply(LedgerEntry entry, java.time.LocalDate effectiveOn) {
        BigDecimal availableChange = switch (entry.measure()) {
            case ALLOCATED -> entry.delta();
            case COMMITTED, ACTUAL -> entry.delta().negate();
            case FORECAST -> BigDecimal.ZERO;
        };
        if (availableChange.signum() != 0) {
            availableChanges.merge(effectiveOn, availableChange, BigDecimal::add);
        }

        apply(entry);
    }

    private void apply(LedgerEntry entry) {
        switch (entry.measure()) {
            case ALLOCATED -> allocated = allocated.add(entry.delta());
            case COMMITTED -> committed = committed.add(entry.delta());
            case ACTUAL -> actual = actual.add(entry.delta());
            case FORECAST -> {
                forecast = forecast.add(entry.delta());
                reforecast = true;
            }
        }
    }
}
