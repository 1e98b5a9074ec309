package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The query service learns of appends from PostgreSQL notifications; a quiet-interval poll covers a
 * notification that never arrives.
 */
class EventDeliveryEndToEndTest {

    @Test
    void appendsAreDeliveredByNotificationWithoutPolling() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            // an hour between safety polls: only a notification can bring the events in time
            Http queries = system.startQueryService("--ledger.event-store.safety-poll-ms=3600000")
                    .http();
            commands.post("pmo", "/api/programs", Bodies.program("NOTIFIED"));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/NOTIFIED")
                                    .status())
                            .isEqualTo(200));
            commands.post("pmo", "/api/programs/NOTIFIED/decisions", Bodies.decision("Second append"));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/NOTIFIED/decisions")
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(1));
        }
    }

    @Test
    void aLostNotificationIsMadeUpByTheSafetyPoll() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            Http queries = system.startQueryService("--ledger.event-store.safety-poll-ms=500")
                    .http();
            system.jdbc()
                    .sql("ALTER TABLE event_store.ledger_entry DISABLE TRIGGER ledger_entry_notify")
                    .update();
            commands.post("pmo", "/api/programs", Bodies.program("SILENT"));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/SILENT")
                                    .status())
                            .isEqualTo(200));
        }
    }
}
