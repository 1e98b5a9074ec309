package io.governanceledger.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads sealed events in ledger order, upcast and ready to handle. Each message's tracking token is
 * its ledger position and its timestamp is its recorded time (when it joined the ledger order), so
 * read models keep the same clock the ledger's prefixes are cut by.
 */
public class LedgerReader {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public LedgerReader(DataSource dataSource, String schema, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.schema = schema;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** Up to {@code limit} events after {@code position}, in ledger order. */
    public List<TrackedEventMessage<?>> readAfter(long position, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.query(
                connection -> {
                    PreparedStatement statement = SealedEvents.prepare(
                            connection, SealedEvents.select(schema, "l.position > ?") + " LIMIT ?");
                    statement.setLong(1, position);
                    statement.setInt(2, limit);
                    return statement;
                },
                LedgerReader::data);
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .toList();
    }

    /** The last sealed position, 0 when nothing is sealed yet. */
    public long headPosition() {
        Long head = jdbc.queryForObject("SELECT max(position) FROM " + schema + ".ledger_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The last position recorded strictly before {@code instant}, if any. */
    public OptionalLong lastPositionBefore(Instant instant) {
        return lastPosition("recorded_at < ?", instant);
    }

    /** The last position recorded at or before {@code instant}, if any: what "as known at" that instant covers. */
    public OptionalLong lastPositionRecordedBy(Instant instant) {
        return lastPosition("recorded_at <= ?", instant);
    }

    /**
     * Recorded times never decrease along the order, so the last position by recorded time is the
     * last by position. Asked as {@code max(position)}, PostgreSQL walks the order back from its head
     * through every later position (a point-in-time read waits for this answer); the index on
     * (recorded_at, position) answers at once, however far back the instant is.
     */
    private OptionalLong lastPosition(String condition, Instant instant) {
        List<Long> position = jdbc.queryForList(
                "SELECT position FROM " + schema + ".ledger_entry WHERE " + condition
                        + " ORDER BY recorded_at DESC, position DESC LIMIT 1",
                Long.class,
                java.sql.Timestamp.from(instant));
        return position.isEmpty() ? OptionalLong.empty() : OptionalLong.of(position.get(0));
    }

    private static TrackedDomainEventData<byte[]> data(ResultSet row, int index) throws SQLException {
        Instant recordedAt = row.getTimestamp("recorded_at").toInstant();
        return new TrackedDomainEventData<>(
                new GlobalSequenceTrackingToken(row.getLong("position")),
                new GenericDomainEventEntry<>(
                        row.getString("type"),
                        row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"),
                        row.getString("event_identifier"),
                        recordedAt,
                        row.getString("payload_type"),
                        row.getString("payload_revision"),
                        row.getBytes("payload"),
                        row.getBytes("meta_data")));
    }
}
