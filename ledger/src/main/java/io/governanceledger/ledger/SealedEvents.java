package io.governanceledger.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGStatement;

/** Reading sealed events as the chain hashes them: one query shape and one mapping for every reader. */
final class SealedEvents {

    private SealedEvents() {}

    /**
     * The sealed events whose position meets {@code condition} (on {@code l.position}, may hold
     * parameters), in ledger order: their position, recorded time, chain hash and global index, then
     * the stored columns from column {@value #SELECTED_STORED} on.
     */
    static String select(String schema, String condition) {
        return "SELECT l.position, l.recorded_at, l.hash, e.global_index, " + STORED_COLUMNS + " FROM " + schema
                + ".ledger_entry l JOIN " + schema + ".domain_event_entry e ON e.global_index = l.global_index WHERE "
                + condition + " ORDER BY l.position";
    }

    /** Where the stored columns begin in the rows of {@link #select}. */
    static final int SELECTED_STORED = 5;

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
     * An event row read from the event table by its global index: the index (column 1), then the stored
     * columns from column {@value #INDEXED_STORED} on.
     */
    static final String INDEXED_EVENT = "global_index, " + STORED_COLUMNS;

    /** Where the stored columns begin in rows of {@link #INDEXED_EVENT}. */
    static final int INDEXED_STORED = 2;

    /**
     * The stored values of the event on this row, whose columns from {@code first} on are {@link #STORED_COLUMNS},
     * as bytes: the text as the driver received it (UTF-8), never decoded, read by column number. The
     * sealer, the signer, the verifier, exports and proofs all hash these bytes, so they agree on every
     * stored value (see {@link LedgerHash.Stored}); text is decoded only where it is written out.
     */
    static LedgerHash.Stored stored(ResultSet row, int first) throws SQLException {
        return new LedgerHash.Stored(
                row.getBytes(first),
                row.getBytes(first + 1),
                row.getLong(first + 2),
                row.getBytes(first + 3),
                row.getBytes(first + 4),
                row.getBytes(first + 5),
                row.getBytes(first + 6),
                row.getBytes(first + 7),
                row.getBytes(first + 8));
    }

    /** The recorded time on this row of {@link #select}. */
    static Instant recordedAt(ResultSet row) throws SQLException {
        return row.getTimestamp("recorded_at").toInstant();
    }
}
