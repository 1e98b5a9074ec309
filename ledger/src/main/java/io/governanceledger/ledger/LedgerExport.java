package io.governanceledger.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * The auditor's bundle: a ZIP of
 * <ul>
 * <li>{@code checkpoints.ndjson}: the signed checkpoints;</li>
 * <li>{@code public-key.pem}: the key they were signed with (pin your own copy to trust it);</li>
 * <li>{@code events.ndjson}: one line per ledger position from 1, with its recorded time and chain
 *     hash, and either the event as stored (bytes of payload and metadata in base64, exact) or, for an
 *     event of another program, only that program's tag and the event's body digest, so the chain can be
 *     checked link by link ({@link LedgerHash});</li>
 * <li>{@code manifest.json}: format, program, positions, counts, chain head, and each file's SHA-256.</li>
 * </ul>
 * It is written as it is read from the database, so its size is not bounded by memory.
 * {@link BundleVerifier} checks it without the database.
 */
public final class LedgerExport {

    public static final String FORMAT = "governance-ledger-export/2";
    static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final String schema;

    public LedgerExport(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Writes the bundle of one program's events ({@code programId}), or of the whole store (null), as it streams. */
    public void write(OutputStream out, String programId, PublicKey publicKey) {
        try (Connection connection = dataSource.getConnection();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, String> digests = new LinkedHashMap<>();
            // checkpoints and key first: a reader can check each event line as it arrives
            ByteArrayOutputStream checkpoints = new ByteArrayOutputStream();
            for (Checkpoint checkpoint : Checkpoint.all(connection, schema)) {
                checkpoints.write(JSON.writeValueAsBytes(checkpoint.toJson()));
                checkpoints.write('\n');
            }
            put(zip, BundleFiles.CHECKPOINTS, checkpoints.toByteArray(), digests);
            if (publicKey != null) {
                put(zip, BundleFiles.PUBLIC_KEY, SigningKeys.pem(publicKey).getBytes(StandardCharsets.UTF_8), digests);
            }
            long included = 0;
            long digestOnly = 0;
            byte[] head = LedgerHash.GENESIS;
            zip.putNextEntry(new ZipEntry(BundleFiles.EVENTS));
            MessageDigest eventsDigest = BundleFiles.sha256();
            OutputStream events = new BufferedOutputStream(
                    new DigestOutputStream(
                            new FilterOutputStream(zip) {
                                @Override
                                public void write(byte[] bytes, int offset, int length) throws IOException {
                                    out.write(bytes, offset, length);
                                }

                                @Override
                                public void close() {
                                    // the ZIP stays open for the manifest
                                }
                            },
                            eventsDigest),
                    1 << 16);
            try (PreparedStatement statement = SealedEvents.prepare(connection, SealedEvents.select(schema, "TRUE"))) {
                statement.setFetchSize(2000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long position = row.getLong("position");
                        Instant recordedAt = SealedEvents.recordedAt(row);
                        LedgerHash.Stored event = SealedEvents.stored(row, SealedEvents.SELECTED_STORED);
                        ObjectNode line = JSON.createObjectNode();
                        line.put("position", position);
                        line.put("recordedAt", recordedAt.toString());
                        line.put("hash", HexFormat.of().formatHex(row.getBytes("hash")));
                        String program = programId == null ? null : LedgerHash.program(event);
                        if (programId == null || programId.equals(program)) {
                            line.set("event", eventJson(event.at(position, recordedAt)));
                            included++;
                        } else {
                            line.put("programTag", HexFormat.of().formatHex(LedgerHash.programTag(program)));
                            line.put("body", HexFormat.of().formatHex(LedgerHash.body(position, recordedAt, event)));
                            digestOnly++;
                        }
                        events.write(JSON.writeValueAsBytes(line));
                        events.write('\n');
                        head = row.getBytes("hash");
                    }
                }
            }
            events.flush();
            zip.closeEntry();
            digests.put(BundleFiles.EVENTS, HexFormat.of().formatHex(eventsDigest.digest()));
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("programId", programId);
            manifest.put("firstPosition", included + digestOnly == 0 ? 0 : 1);
            manifest.put("lastPosition", included + digestOnly);
            manifest.put("eventsIncluded", included);
            manifest.put("eventsAsDigestOnly", digestOnly);
            manifest.put("chainHead", HexFormat.of().formatHex(head));
            manifest.put("keyId", publicKey == null ? null : SigningKeys.keyId(publicKey));
            manifest.put("exportedAt", Instant.now().toString());
            ObjectNode files = manifest.putObject("files");
            digests.forEach(files::put);
            zip.putNextEntry(new ZipEntry(BundleFiles.MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            connection.rollback();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger: " + e.getMessage(), e);
        }
    }

    /** An event as stored, its bytes in base64 so they come back exactly. */
    static ObjectNode eventJson(LedgerHash.Entry entry) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventIdentifier", entry.eventIdentifier());
        event.put("aggregateIdentifier", entry.aggregateIdentifier());
        event.put("sequenceNumber", entry.sequenceNumber());
        event.put("type", entry.type());
        event.put("payloadType", entry.payloadType());
        event.put("payloadRevision", entry.payloadRevision());
        event.put("timeStamp", entry.timeStamp());
        event.put(
                "metaData",
                entry.metaData() == null ? null : Base64.getEncoder().encodeToString(entry.metaData()));
        event.put("payload", Base64.getEncoder().encodeToString(entry.payload()));
        return event;
    }

    static LedgerHash.Entry entry(long position, Instant recordedAt, com.fasterxml.jackson.databind.JsonNode event) {
        return new LedgerHash.Entry(
                position,
                recordedAt,
                text(event, "eventIdentifier"),
                text(event, "aggregateIdentifier"),
                event.path("sequenceNumber").asLong(),
                text(event, "type"),
                text(event, "payloadType"),
                text(event, "payloadRevision"),
                text(event, "timeStamp"),
                bytes(event, "metaData"),
                bytes(event, "payload"));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static byte[] bytes(com.fasterxml.jackson.databind.JsonNode node, String field) {
        return node.hasNonNull(field)
                ? Base64.getDecoder().decode(node.get(field).asText())
                : null;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, Map<String, String> digests)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        digests.put(name, sha256(content));
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(BundleFiles.sha256().digest(content));
    }
}
