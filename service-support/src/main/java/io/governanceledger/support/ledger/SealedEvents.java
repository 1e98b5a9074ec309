package io.governanceledger.support.ledger;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading sealed events as the chain hashes them: one query shape and one mapping for every reader. */
final class SealedEvents {

    private SealedEvents() {
    }

    /**
     * The sealed events whose position meets {@code condition} (on {@code l.position}, may hold
     * parameters), in ledger order, with their position, recorded time, chain hash and stored columns.
     */
    static String select(String schema, String condition) {
        return "SELECT l.position, l.recorded_at, l.hash, e.* FROM " + schema + ".ledger_entry l JOIN " + schema
                + ".domain_event_entry e ON e.global_index = l.global_index WHERE " + condition + " ORDER BY l.position";
    }

    /**
     * Prepares {@code sql} for the driver to fetch its rows in binary from the first execution: payloads and
     * metadata (bytea) then come as bytes rather than hex text to decode, which is most of the cost of
     * walking the whole ledger.
     */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        return statement;
    }

    /** The event table's columns that {@link #stored} reads, in its order. */
    static final String STORED_COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, payload_type,"
            + " payload_revision, time_stamp, meta_data, payload";

    /**
     * The stored values of the event on this row, whose columns from {@code first} on are {@link #STORED_COLUMNS},
     * as bytes: the text as the driver received it (UTF-8), never decoded, and read by column number,
     * as a walk over the whole ledger wants them (see {@link LedgerHash.Stored}).
     */
    static LedgerHash.Stored stored(ResultSet row, int first) throws SQLException {
        return new LedgerHash.Stored(row.getBytes(first), row.getBytes(first + 1), row.getLong(first + 2),
                                     row.getBytes(first + 3), row.getBytes(first + 4), row.getBytes(first + 5),
                                     row.getBytes(first + 6), row.getBytes(first + 7), row.getBytes(first + 8));
    }

    /** The stored values of the event on this row, at {@code position}, as {@link LedgerHash} hashes them. */
    static LedgerHash.Entry entry(ResultSet row, long position) throws SQLException {
        return entry(row, position, row.getTimestamp("recorded_at").toInstant());
    }

    /** The stored values of the event on this row of the event table, sealed at {@code position} at {@code recordedAt}. */
    static LedgerHash.Entry entry(ResultSet row, long position, Instant recordedAt) throws SQLException {
        return new LedgerHash.Entry(position, recordedAt, row.getString("event_identifier"),
                                    row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                                    row.getString("type"), row.getString("payload_type"), row.getString("payload_revision"),
                                    row.getString("time_stamp"), row.getBytes("meta_data"), row.getBytes("payload"));
    }
}
