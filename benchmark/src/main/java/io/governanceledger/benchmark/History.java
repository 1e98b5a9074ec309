package io.governanceledger.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A large history made of real ones: the events a template program got through the API (decisions,
 * approvals, budget movements, a framework contract with call-offs) are copied as new programs, every
 * program id and UUID replaced by fresh ones, and appended to the event store as the application
 * appends them (the ledger's triggers queue them and the services' sealers seal them).
 */
final class History {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private record Row(
            String aggregate,
            long sequence,
            String type,
            byte[] metaData,
            byte[] payload,
            String payloadRevision,
            String payloadType,
            String timeStamp) {}

    private final List<Row> template = new ArrayList<>();
    private final String templateProgram;

    private History(String templateProgram) {
        this.templateProgram = templateProgram;
    }

    /** The template: every event of {@code programId}, in the order they were appended. */
    static History of(DataSource dataSource, String programId) throws SQLException {
        History history = new History(programId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE ? OR"
                                + " convert_from(meta_data, 'UTF8')::jsonb ->> 'programId' = ? ORDER BY global_index")) {
            statement.setString(1, "%" + programId + "%");
            statement.setString(2, programId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    history.template.add(new Row(
                            row.getString("aggregate_identifier"),
                            row.getLong("sequence_number"),
                            row.getString("type"),
                            row.getBytes("meta_data"),
                            row.getBytes("payload"),
                            row.getString("payload_revision"),
                            row.getString("payload_type"),
                            row.getString("time_stamp")));
                }
            }
        }
        if (history.template.isEmpty()) {
            throw new IllegalStateException("no events for template program " + programId);
        }
        return history;
    }

    int eventsPerProgram() {
        return template.size();
    }

    /** Appends copies until {@code events} more events are in the store; returns how many were appended. */
    long append(DataSource dataSource, long events, int firstCopy) throws SQLException {
        long appended = 0;
        int copy = firstCopy;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                                + " meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            while (appended < events) {
                String program = "HIST-" + copy++;
                Map<String, String> ids = new HashMap<>();
                for (Row row : template) {
                    insert.setString(1, rewrite(row.aggregate(), program, ids));
                    insert.setLong(2, row.sequence());
                    insert.setString(3, row.type());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, rewrite(row.metaData(), program, ids));
                    insert.setBytes(6, rewrite(row.payload(), program, ids));
                    insert.setString(7, row.payloadRevision());
                    insert.setString(8, row.payloadType());
                    insert.setString(9, row.timeStamp());
                    insert.addBatch();
                    appended++;
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return appended;
    }

    private byte[] rewrite(byte[] bytes, String program, Map<String, String> ids) {
        return bytes == null
                ? null
                : rewrite(new String(bytes, StandardCharsets.UTF_8), program, ids)
                        .getBytes(StandardCharsets.UTF_8);
    }

    private String rewrite(String text, String program, Map<String, String> ids) {
        Matcher matcher = UUID_TEXT.matcher(text.replace(templateProgram, program));
        StringBuilder result = new StringBuilder(text.length() + 16);
        while (matcher.find()) {
            matcher.appendReplacement(
                    result,
                    ids.computeIfAbsent(
                            matcher.group(), old -> UUID.randomUUID().toString()));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
