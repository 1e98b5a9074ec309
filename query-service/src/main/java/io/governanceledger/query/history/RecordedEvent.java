package io.governanceledger.query.history;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.support.messaging.LedgerSerializer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * What an auditor sees of one stored event: its global position and id, type, who, when recorded,
 * effective when, why, correlation and causation, and the payload (as JSON on request).
 */
public record RecordedEvent(
        long position,
        String eventId,
        String eventType,
        String actor,
        Instant recordedAt,
        Instant effectiveAt,
        String reason,
        String correlationId,
        String causationId,
        Object payload) {

    public static RecordedEvent of(EventMessage<?> message, TrackingToken token) {
        long position = token.position()
                .orElseThrow(() ->
                        new IllegalStateException("event " + message.getIdentifier() + " arrived without a position"));
        String effectiveAt = metaData(message, LedgerMetaData.EFFECTIVE_AT);
        return new RecordedEvent(
                position,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                metaData(message, LedgerMetaData.ACTOR),
                message.getTimestamp(),
                withinCalendar(effectiveAt == null ? message.getTimestamp() : Instant.parse(effectiveAt))
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                metaData(message, LedgerMetaData.REASON),
                metaData(message, LedgerMetaData.CORRELATION_ID),
                metaData(message, LedgerMetaData.CAUSATION_ID),
                message.getPayload());
    }

    /** Instants a date-time in any zone can hold: a day inside Java's calendar at either end. */
    private static final Instant EARLIEST =
            java.time.LocalDate.MIN.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static final Instant LATEST =
            java.time.LocalDate.MAX.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /**
     * The edge keeps effective instants within 1900-2199, but a ledger written before it may hold one up
     * to Instant.MAX, where no date-time or business date can be computed. Such an instant is taken as the
     * nearest one that can; the read models keep it as +/-infinity either way (beyond PostgreSQL's
     * calendar), so it is still "after every point a view is asked for", as it was.
     */
    static Instant withinCalendar(Instant instant) {
        return instant.isAfter(LATEST) ? LATEST : instant.isBefore(EARLIEST) ? EARLIEST : instant;
    }

    /** The payload as stored JSON; written only by the read models that keep it, not on every event. */
    public String payloadJson() {
        return LedgerSerializer.toJson(payload);
    }

    public OffsetDateTime recordedAtUtc() {
        return recordedAt.atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime effectiveAtUtc() {
        return effectiveAt.atOffset(ZoneOffset.UTC);
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
