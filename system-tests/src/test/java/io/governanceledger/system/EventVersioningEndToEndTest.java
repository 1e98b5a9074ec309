package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An event stored years ago in an older shape (revision 1 of DecisionRecordedEvent, participants as
 * free text) is read by both services through the upcaster: projected in today's shape, and acted on.
 */
class EventVersioningEndToEndTest {

    @Test
    void aRevisionOneEventInTheStoreIsProjectedAndActedOnInTodaysShape() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        String program = "OLD-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                        .status())
                .isEqualTo(201);
        String decision = UUID.randomUUID().toString();
        String payload = """
                {"decisionId": "%s", "programId": "%s", "supersedes": null,
                 "details": {"title": "Recorded in 2025", "context": "c", "options": [{"key": "A", "description": "a"}],
                             "chosenOption": "A", "rationale": "r", "decidingBody": "Steering Committee",
                             "meetingDate": "2025-03-10", "decidedOn": null, "effectiveFrom": null, "quorum": 2,
                             "links": [], "participants": ["A. Peeters (chair)", "B. Janssens"]}}""".formatted(decision, program);
        String metaData = """
                {"actor": "pmo", "reason": "Archived", "correlationId": "c-2025", "causationId": "m-2025",
                 "programId": "%s", "effectiveAt": "2025-03-10T00:00:00Z"}""".formatted(program);
        system.jdbc()
                .sql("""
                          INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                              event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                          VALUES (?, 0, 'Decision', ?, ?, ?, '1', 'io.governanceledger.events.decisions.DecisionRecordedEvent',
                                  '2025-03-11T09:00:00.000Z')
                          """)
                .params(
                        decision,
                        UUID.randomUUID().toString(),
                        metaData.getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8))
                .update();

        String path = "/api/programs/" + program + "/decisions/" + decision;
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(queries.get("auditor", path).status()).isEqualTo(200));
        JsonNode participants =
                queries.get("auditor", path).json().path("details").path("participants");
        assertThat(participants.get(0).path("name").asString()).isEqualTo("A. Peeters");
        assertThat(participants.get(0).path("role").asString()).isEqualTo("chair");
        assertThat(participants.get(1).path("name").asString()).isEqualTo("B. Janssens");

        // the command side rebuilds the decision from the old event too
        Http.Response approved = commands.post("pmo", path + "/approve", "{\"decidedOn\": \"2025-03-10\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", path)
                                .json()
                                .path("summary")
                                .path("status")
                                .asString())
                        .isEqualTo("APPROVED"));
    }
}
