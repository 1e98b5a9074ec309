package io.governanceledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.governanceledger.support.eventstore.EventStoreSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Puts a whole-store bundle ({@link LedgerExport}) into an empty database: the events with their exact
 * bytes, their ledger positions, recorded times and chain hashes, and the signed checkpoints, as they
 * were. A query service started on that database then builds every view from the bundle alone, and
 * the verifier finds the same history. Check the bundle with {@link BundleVerifier} first.
 */
public final class BundleRestore {

    private BundleRestore() {}

    /** @return the number of events restored */
    public static long restore(InputStream bundle, DataSource target, String schema) {
        try (BundleFiles files = BundleFiles.read(bundle)) {
            return restore(files, target, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle's events: " + e.getMessage(), e);
        }
    }

    private static long restore(BundleFiles files, DataSource target, String schema) throws IOException {
        JsonNode manifest =
                files.has(BundleFiles.MANIFEST) ? BundleVerifier.json(files.content(BundleFiles.MANIFEST)) : null;
        if (manifest == null
                || !LedgerExport.FORMAT.equals(manifest.path("format").asText())) {
            throw new IllegalArgumentException("not a " + LedgerExport.FORMAT + " bundle");
        }
        if (manifest.path("eventsAsDigestOnly").asLong() > 0) {
            throw new IllegalArgumentException(
                    "the bundle holds only one program's events; restoring needs a bundle" + " of the whole store");
        }
        new EventStoreSchema(target, schema).migrate();
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement count =
                            connection.prepareStatement("SELECT count(*) FROM " + schema + ".domain_event_entry");
                    var row = count.executeQuery()) {
                row.next();
                if (row.getLong(1) > 0) {
                    throw new IllegalStateException("the target event store is not empty");
                }
            }
            long restored = 0;
            byte[] head = LedgerHash.GENESIS;
            Instant headRecorded = null;
            try (PreparedStatement event = connection.prepareStatement("INSERT INTO " + schema
                            + ".domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement entry = connection.prepareStatement("INSERT INTO " + schema
                            + ".ledger_entry (position, global_index, recorded_at, hash) VALUES (?, ?, ?, ?)")) {
                BufferedReader lines = files.events();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = BundleVerifier.json(line.getBytes(StandardCharsets.UTF_8));
                    long position = node.path("position").asLong();
                    Instant recordedAt = Instant.parse(node.path("recordedAt").asText());
                    LedgerHash.Entry stored = LedgerExport.entry(position, recordedAt, node.path("event"));
                    event.setLong(1, position);
                    event.setString(2, stored.aggregateIdentifier());
                    event.setLong(3, stored.sequenceNumber());
                    event.setString(4, stored.type());
                    event.setString(5, stored.eventIdentifier());
                    event.setBytes(6, stored.metaData());
                    event.setBytes(7, stored.payload());
                    event.setString(8, stored.payloadRevision());
                    event.setString(9, stored.payloadType());
                    event.setString(10, stored.timeStamp());
                    event.addBatch();
                    head = HexFormat.of().parseHex(node.path("hash").asText());
                    headRecorded = recordedAt;
                    entry.setLong(1, position);
                    entry.setLong(2, position);
                    entry.setTimestamp(3, Timestamp.from(recordedAt));
                    entry.setBytes(4, head);
                    entry.addBatch();
                    if (++restored % 1000 == 0) {
                        event.executeBatch();
                        entry.executeBatch();
                    }
                }
                lines.close();
                event.executeBatch();
                entry.executeBatch();
            }
            for (String line : new String(files.content(BundleFiles.CHECKPOINTS), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Checkpoint.of(BundleVerifier.json(line.getBytes(StandardCharsets.UTF_8)))
                            .insert(connection, schema);
                }
            }
            try (PreparedStatement statement =
                            connection.prepareStatement("DELETE FROM " + schema + ".unsealed_event");
                    PreparedStatement headRow = connection.prepareStatement(
                            "UPDATE " + schema + ".ledger_head SET position = ?, recorded_at = ?, hash = ?");
                    PreparedStatement sequence = connection.prepareStatement("SELECT setval(pg_get_serial_sequence('"
                            + schema + ".domain_event_entry', 'global_index'), ?)")) {
                // the appends above are the ledger's own history, not new events to seal
                statement.executeUpdate();
                if (restored > 0) {
                    headRow.setLong(1, restored);
                    headRow.setTimestamp(2, Timestamp.from(headRecorded));
                    headRow.setBytes(3, head);
                    headRow.executeUpdate();
                    sequence.setLong(1, restored);
                    sequence.executeQuery().close();
                }
            }
            connection.commit();
            return restored;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore the bundle: " + e.getMessage(), e);
        }
    }
}
