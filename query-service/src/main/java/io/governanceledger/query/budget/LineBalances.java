package io.governanceledger.query.budget;

import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code line_balance}: per line, the sums of its legs effective up to each date range, as known
 * over ranges of recorded time. Rows are never rewritten, only closed: a balance asked for at
 * (knownAt, asOf) is the one row whose ranges contain both, whatever the length of the line's history.
 *
 * <p>Bookings wait for the store's flush: then the open rows of every line the batch touched are read
 * at once, the bookings are applied in ledger order in memory, and the rows go out in batches (a row
 * opened and closed within the batch is written once, closed).
 */
final class LineBalances {

    /** Adds one booking's legs, all effective on {@code effectiveDate}, known from {@code recorded}. */
    void book(
            ProjectionStore store,
            String programId,
            List<LedgerEntry> legs,
            LocalDate effectiveDate,
            RecordedEvent recorded) {
        Map<String, Map<LedgerEntry.Measure, BigDecimal>> byLine = new LinkedHashMap<>();
        for (LedgerEntry leg : legs) {
            byLine.computeIfAbsent(leg.lineId(), line -> new EnumMap<>(LedgerEntry.Measure.class))
                    .merge(leg.measure(), leg.delta(), BigDecimal::add);
        }
        byLine.forEach((line, deltas) -> store.defer(
                this,
                Bookings::new,
                new Booking(new Line(programId, line), new Sums(deltas), effectiveDate, recorded)));
    }

    private static final class Bookings extends ProjectionStore.Pending<Booking> {

        private final List<Row> opened = new ArrayList<>();

        @Override
        protected void flush(ProjectionStore store) {
            Map<Line, List<Row>> open = new HashMap<>();
            items.forEach(booking -> open.put(booking.line(), new ArrayList<>()));
            store.jdbc()
                    .sql("""
                             SELECT balance_id, program_id, line_id, lower(effective) AS starts, upper(effective) AS ends,
                                    allocated, committed, actual, forecast
                             FROM line_balance
                             WHERE program_id = ANY(?) AND line_id = ANY(?) AND known_until_position IS NULL
                             """)
                    // both columns of the partial index line_balance_open; a pair not asked for is dropped below
                    .param(open.keySet().stream()
                            .map(Line::programId)
                            .distinct()
                            .toArray(String[]::new))
                    .param(open.keySet().stream().map(Line::lineId).distinct().toArray(String[]::new))
                    .query(row -> {
                        List<Row> rows = open.get(new Line(row.getString("program_id"), row.getString("line_id")));
                        if (rows != null) {
                            rows.add(new Row(
                                    row.getLong("balance_id"),
                                    row.getObject("starts", LocalDate.class),
                                    row.getObject("ends", LocalDate.class),
                                    new Sums(
                                            row.getBigDecimal("allocated"), row.getBigDecimal("committed"),
                                            row.getBigDecimal("actual"), row.getBigDecimal("forecast")),
                                    null));
                        }
                    });
            for (Booking booking : items) {
                apply(store, booking, open.get(booking.line()));
            }
            for (Row row : opened) {
                store.write(
                        """
                            INSERT INTO line_balance (program_id, line_id, known_from_position, known_until_position,
                                                      known_at, effective, allocated, committed, actual, forecast)
                            VALUES (?, ?, ?, ?, tstzrange(?, ?, '[)'), daterange(?, ?, '[)'), ?, ?, ?, ?)
                            """,
                        row.opening.line().programId(),
                        row.opening.line().lineId(),
                        row.opening.recorded().position(),
                        row.closedAt == null ? null : row.closedAt.position(),
                        row.opening.recorded().recordedAtUtc(),
                        row.closedAt == null ? null : row.closedAt.recordedAtUtc(),
                        row.starts,
                        row.ends,
                        row.sums.allocated(),
                        row.sums.committed(),
                        row.sums.actual(),
                        row.sums.forecast());
            }
        }

        /** The booking on the line's open rows (sorted by start), as the rows it closes and opens. */
        private void apply(ProjectionStore store, Booking booking, List<Row> rows) {
            LocalDate from = booking.from();
            List<Row> reaching = new ArrayList<>();
            for (Iterator<Row> open = rows.iterator(); open.hasNext(); ) {
                Row row = open.next();
                if (row.ends == null || row.ends.isAfter(from)) {
                    reaching.add(row);
                    open.remove();
                }
            }
            reaching.sort(Comparator.comparing(row -> row.starts));
            if (reaching.isEmpty() || reaching.get(0).starts.isAfter(from)) {
                // nothing was effective on this line before: the leg opens a range up to the next one
                open(rows, booking, from, reaching.isEmpty() ? null : reaching.get(0).starts, booking.delta());
            }
            for (Row row : reaching) {
                if (row.balanceId != null) {
                    store.write(
                            "UPDATE line_balance SET known_until_position = ?,"
                                    + " known_at = tstzrange(lower(known_at), ?, '[)') WHERE balance_id = ?",
                            booking.recorded().position(),
                            booking.recorded().recordedAtUtc(),
                            row.balanceId);
                } else {
                    row.closedAt = booking.recorded();
                }
                if (row.starts.isBefore(from)) {
                    open(rows, booking, row.starts, from, row.sums);
                    open(rows, booking, from, row.ends, row.sums.plus(booking.delta()));
                } else {
                    open(rows, booking, row.starts, row.ends, row.sums.plus(booking.delta()));
                }
            }
        }

        private void open(List<Row> rows, Booking booking, LocalDate starts, LocalDate ends, Sums sums) {
            // as the row reads back: NUMERIC(17, 2) rounds half away from zero
            Row row = new Row(null, starts, ends, sums.stored(), booking);
            rows.add(row);
            opened.add(row);
        }
    }

    private record Line(String programId, String lineId) {}

    private record Booking(Line line, Sums delta, LocalDate from, RecordedEvent recorded) {}

    /**
     * An open row: stored ({@code balanceId}), or opened by {@code opening} in this batch and perhaps
     * closed in it too ({@code closedAt}). Compared by identity: two rows may hold equal figures.
     */
    private static final class Row {

        private final Long balanceId;
        private final LocalDate starts;
        private final LocalDate ends;
        private final Sums sums;
        private final Booking opening;
        private RecordedEvent closedAt;

        Row(Long balanceId, LocalDate starts, LocalDate ends, Sums sums, Booking opening) {
            this.balanceId = balanceId;
            this.starts = starts;
            this.ends = ends;
            this.sums = sums;
            this.opening = opening;
        }
    }

    record Sums(BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {

        Sums(Map<LedgerEntry.Measure, BigDecimal> deltas) {
            this(
                    deltas.getOrDefault(LedgerEntry.Measure.ALLOCATED, BigDecimal.ZERO),
                    deltas.getOrDefault(LedgerEntry.Measure.COMMITTED, BigDecimal.ZERO),
                    deltas.getOrDefault(LedgerEntry.Measure.ACTUAL, BigDecimal.ZERO),
                    deltas.getOrDefault(LedgerEntry.Measure.FORECAST, BigDecimal.ZERO));
        }

        Sums stored() {
            return new Sums(
                    allocated.setScale(2, RoundingMode.HALF_UP), committed.setScale(2, RoundingMode.HALF_UP),
                    actual.setScale(2, RoundingMode.HALF_UP), forecast.setScale(2, RoundingMode.HALF_UP));
        }

        Sums plus(Sums other) {
            return new Sums(
                    allocated.add(other.allocated),
                    committed.add(other.committed),
                    actual.add(other.actual),
                    forecast.add(other.forecast));
        }
    }
}
