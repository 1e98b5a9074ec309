package io.governanceledger.query.budget;

import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.query.history.RecordedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code line_balance}: per line, the sums of its legs effective up to each date range, as known
 * over ranges of recorded time. Rows are never rewritten, only closed: a balance asked for at
 * (knownAt, asOf) is the one row whose ranges contain both, whatever the length of the line's history.
 */
final class LineBalances {

    private final JdbcClient jdbc;

    LineBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one booking's legs, all effective on {@code effectiveDate}, known from {@code recorded}. */
    void book(String programId, List<LedgerEntry> legs, LocalDate effectiveDate, RecordedEvent recorded) {
        Map<String, Map<LedgerEntry.Measure, BigDecimal>> byLine = new LinkedHashMap<>();
        for (LedgerEntry leg : legs) {
            byLine.computeIfAbsent(leg.lineId(), line -> new EnumMap<>(LedgerEntry.Measure.class))
                  .merge(leg.measure(), leg.delta(), BigDecimal::add);
        }
        byLine.forEach((line, deltas) -> add(programId, line, new Sums(deltas), effectiveDate, recorded));
    }

    private void add(String programId, String lineId, Sums delta, LocalDate from, RecordedEvent recorded) {
        List<Row> reaching = jdbc.sql("""
                                      SELECT balance_id, lower(effective) AS starts, upper(effective) AS ends,
                                             allocated, committed, actual, forecast
                                      FROM line_balance
                                      WHERE program_id = ? AND line_id = ? AND known_until_position IS NULL
                                        AND (upper_inf(effective) OR upper(effective) > ?)
                                      ORDER BY lower(effective)
                                      """)
                                 .params(programId, lineId, from)
                                 .query((row, index) -> new Row(row.getLong("balance_id"),
                                                                row.getObject("starts", LocalDate.class),
                                                                row.getObject("ends", LocalDate.class),
                                                                new Sums(row.getBigDecimal("allocated"),
                                                                         row.getBigDecimal("committed"),
                                                                         row.getBigDecimal("actual"),
                                                                         row.getBigDecimal("forecast"))))
                                 .list();
        if (reaching.isEmpty() || reaching.get(0).starts().isAfter(from)) {
            // nothing was effective on this line before: the leg opens a range up to the next one
            open(programId, lineId, from, reaching.isEmpty() ? null : reaching.get(0).starts(), delta, recorded);
        }
        for (Row row : reaching) {
            jdbc.sql("UPDATE line_balance SET known_until_position = ?, known_at = tstzrange(lower(known_at), ?, '[)')"
                             + " WHERE balance_id = ?")
                .params(recorded.position(), recorded.recordedAtUtc(), row.balanceId())
                .update();
            if (row.starts().isBefore(from)) {
                open(programId, lineId, row.starts(), from, row.sums(), recorded);
                open(programId, lineId, from, row.ends(), row.sums().plus(delta), recorded);
            } else {
                open(programId, lineId, row.starts(), row.ends(), row.sums().plus(delta), recorded);
            }
        }
    }

    private void open(String programId, String lineId, LocalDate starts, LocalDate ends, Sums sums,
                      RecordedEvent recorded) {
        jdbc.sql("""
                 INSERT INTO line_balance (program_id, line_id, known_from_position, known_at, effective, allocated,
                                           committed, actual, forecast)
                 VALUES (?, ?, ?, tstzrange(?, NULL, '[)'), daterange(?, ?, '[)'), ?, ?, ?, ?)
                 """)
            .params(programId, lineId, recorded.position(), recorded.recordedAtUtc(), starts, ends, sums.allocated(),
                    sums.committed(), sums.actual(), sums.forecast())
            .update();
    }

    private record Row(long balanceId, LocalDate starts, LocalDate ends, Sums sums) {
    }

    record Sums(BigDecimal allocated, BigDecimal committed, BigDecimal actual, BigDecimal forecast) {

        Sums(Map<LedgerEntry.Measure, BigDecimal> deltas) {
            this(deltas.getOrDefault(LedgerEntry.Measure.ALLOCATED, BigDecimal.ZERO),
                 deltas.getOrDefault(LedgerEntry.Measure.COMMITTED, BigDecimal.ZERO),
                 deltas.getOrDefault(LedgerEntry.Measure.ACTUAL, BigDecimal.ZERO),
                 deltas.getOrDefault(LedgerEntry.Measure.FORECAST, BigDecimal.ZERO));
        }

        Sums plus(Sums other) {
            return new Sums(allocated.add(other.allocated), committed.add(other.committed), actual.add(other.actual),
                            forecast.add(other.forecast));
        }
    }
}
