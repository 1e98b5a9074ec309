package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.governanceledger.events.LedgerMetaData;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class LedgerMetaDataTest {

    private static final Map<String, String> AUDIT = Map.of(
            LedgerMetaData.ACTOR,
            "pmo",
            LedgerMetaData.REASON,
            "why",
            LedgerMetaData.CORRELATION_ID,
            "req-1",
            LedgerMetaData.CAUSATION_ID,
            "cmd-1",
            LedgerMetaData.PROGRAM_ID,
            "P");

    private static EventMessage<?> intercept(EventMessage<?> event) {
        return new LedgerMetaDataInterceptor().handle(List.of(event)).apply(0, event);
    }

    @Test
    void effectiveTimeDefaultsToTheRecordedTime() {
        EventMessage<?> event =
                new GenericEventMessage<>("id-1", "payload", AUDIT, Instant.parse("2026-05-01T10:15:00Z"));
        assertThat(intercept(event).getMetaData())
                .containsEntry(LedgerMetaData.EFFECTIVE_AT, "2026-05-01T10:15:00.000Z");
    }

    @Test
    void theDefaultHasTheRecordedTimesPrecisionAsStored() {
        EventMessage<?> event =
                new GenericEventMessage<>("id-1", "payload", AUDIT, Instant.parse("2026-05-01T10:15:00.123456Z"));
        assertThat(intercept(event).getMetaData())
                .containsEntry(LedgerMetaData.EFFECTIVE_AT, "2026-05-01T10:15:00.123Z");
    }

    @Test
    void anExplicitEffectiveTimeIsKept() {
        Map<String, String> metaData = new HashMap<>(AUDIT);
        metaData.put(LedgerMetaData.EFFECTIVE_AT, "2025-01-01T00:00:00Z");
        EventMessage<?> event =
                new GenericEventMessage<>("id-1", "payload", metaData, Instant.parse("2026-05-01T10:15:00Z"));
        assertThat(intercept(event).getMetaData()).containsEntry(LedgerMetaData.EFFECTIVE_AT, "2025-01-01T00:00:00Z");
    }

    @Test
    void anEventWithoutItsAuditMetadataIsNeverStored() {
        for (String key : List.of(
                LedgerMetaData.ACTOR,
                LedgerMetaData.REASON,
                LedgerMetaData.CORRELATION_ID,
                LedgerMetaData.CAUSATION_ID,
                LedgerMetaData.PROGRAM_ID)) {
            Map<String, String> metaData = new HashMap<>(AUDIT);
            metaData.put(key, " ");
            EventMessage<?> blank = new GenericEventMessage<>("id", "payload", metaData, Instant.now());
            assertThatThrownBy(() -> intercept(blank)).hasMessageContaining(key);
            metaData.remove(key);
            EventMessage<?> missing = new GenericEventMessage<>("id", "payload", metaData, Instant.now());
            assertThatThrownBy(() -> intercept(missing)).hasMessageContaining(key);
        }
    }

    @Test
    void eventsInheritTheRequestsAuditDataAndAreCausedByTheCommand() {
        var command = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(MetaData.from(Map.of(
                        LedgerMetaData.ACTOR,
                        "pmo",
                        LedgerMetaData.REASON,
                        "why",
                        LedgerMetaData.CORRELATION_ID,
                        "req-1",
                        LedgerMetaData.PROGRAM_ID,
                        "P",
                        LedgerMetaData.CLIENT_ADDRESS,
                        "10.0.0.1",
                        "other",
                        "not copied")));
        Map<String, Object> data =
                (Map<String, Object>) new LedgerCorrelationDataProvider().correlationDataFor(command);
        assertThat(data)
                .containsEntry(LedgerMetaData.ACTOR, "pmo")
                .containsEntry(LedgerMetaData.CORRELATION_ID, "req-1")
                .containsEntry(LedgerMetaData.CAUSATION_ID, command.getIdentifier())
                .containsEntry(LedgerMetaData.CLIENT_ADDRESS, "10.0.0.1")
                .doesNotContainKey("other")
                .doesNotContainKey(LedgerMetaData.EFFECTIVE_AT);
    }

    @Test
    void aMessageWithoutCorrelationStartsItsOwn() {
        var command = GenericCommandMessage.asCommandMessage("cmd");
        Map<String, Object> data =
                (Map<String, Object>) new LedgerCorrelationDataProvider().correlationDataFor(command);
        assertThat(data).containsEntry(LedgerMetaData.CORRELATION_ID, command.getIdentifier());
    }
}
