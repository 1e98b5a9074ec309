package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.events.LedgerMetaData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A PMO officer keeps the decision log over HTTP; the query service shows it, with its history. */
class DecisionLogEndToEndTest {

    private static Http commands;
    private static Http queries;
    private static LedgerSystem system;

    @BeforeAll
    static void start() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
    }

    private static String newProgram() {
        String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(id)).status())
                .isEqualTo(201);
        return id;
    }

    @Test
    void anAnswerAsKnownAtAnInstantIsFinalEvenWhenAskedTheMomentAfterTheWrites() {
        String program = newProgram();
        for (int i = 0; i < 5; i++) {
            commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Quick " + i));
            String knownAt = java.time.Instant.now().toString();
            String first = queries.get("viewer", "/api/programs/" + program + "/decisions?knownAt=" + knownAt)
                    .body();
            await().pollDelay(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(
                                    queries.get("viewer", "/api/programs/" + program + "/decisions?knownAt=" + knownAt)
                                            .body())
                            .as("asked again later")
                            .isEqualTo(first));
        }
    }

    @Test
    void recordApproveAndSupersedeAreVisibleWithTheirFullHistory() {
        String program = newProgram();
        Http.Response recorded = commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions",
                Bodies.decision("Adopt cloud hosting"),
                Map.of("X-Correlation-Id", "sc-2026-03-item-4"));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.correlationId()).isEqualTo("sc-2026-03-item-4");
        String original = recorded.text("id");

        Http.Response approved =
                commands.post("pmo", "/api/programs/" + program + "/decisions/" + original + "/approve", """
                                               {"decidedOn": "2026-03-10", "effectiveFrom": "2026-07-01",
                                                "reason": "Minutes SC-2026-03 item 4"}""");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");

        Http.Response superseding = commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + original + "/supersede",
                Bodies.decision("Adopt cloud hosting, phased", "\"2026-04-14\"", "\"2026-09-01\""));
        assertThat(superseding.status()).isEqualTo(201);
        String replacement = superseding.text("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode register = queries.get("viewer", "/api/programs/" + program + "/decisions")
                    .json();
            assertThat(register.path("total").asLong()).isEqualTo(2);
            assertThat(register.path("decisions").get(0).path("decisionId").asString())
                    .isEqualTo(replacement);
            assertThat(register.path("decisions").get(0).path("supersedes").asString())
                    .isEqualTo(original);
            assertThat(register.path("decisions").get(1).path("status").asString())
                    .isEqualTo("SUPERSEDED");
            assertThat(register.path("decisions").get(1).path("supersededBy").asString())
                    .isEqualTo(replacement);
        });

        JsonNode old = queries.get("auditor", "/api/programs/" + program + "/decisions/" + original)
                .json();
        assertThat(old.path("details").path("options").size()).isEqualTo(2);
        assertThat(old.path("details").path("links").get(0).path("reference").asString())
                .isEqualTo("CR-12");
        List<JsonNode> history = old.path("history").valueStream().toList();
        assertThat(history)
                .extracting(entry -> entry.path("eventType").asString())
                .containsExactly("DecisionRecordedEvent", "DecisionApprovedEvent", "DecisionSupersededEvent");
        assertThat(history)
                .allSatisfy(entry -> assertThat(entry.path("actor").asString()).isEqualTo("pmo"));
        assertThat(history.get(0).path("correlationId").asString()).isEqualTo("sc-2026-03-item-4");
        assertThat(history.get(1).path("reason").asString()).isEqualTo("Minutes SC-2026-03 item 4");
        // the status changed on the day the committee decided; the content governs from 1 July
        assertThat(history.get(1).path("effectiveAt").asString()).isEqualTo("2026-03-09T23:00:00Z");
        assertThat(history.get(1).path("payload").path("effectiveFrom").asString())
                .isEqualTo("2026-07-01");
        assertThat(history.get(2).path("payload").path("supersededBy").asString())
                .isEqualTo(replacement);
        assertThat(history.get(0).path("position").asLong())
                .isLessThan(history.get(1).path("position").asLong());

        JsonNode programView = queries.get("viewer", "/api/programs/" + program).json();
        assertThat(programView.path("decisionCount").asLong()).isEqualTo(2);
    }

    @Test
    void registerFiltersByStatusAndDecisionDate() {
        String program = newProgram();
        String first = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("First"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + first + "/approve",
                "{\"decidedOn\": \"2026-03-10\"}");
        String second = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Second"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + second + "/defer",
                "{\"decidedOn\": \"2026-05-05\", \"deferredUntil\": \"2026-06-30\", \"reason\": \"Awaiting costing\"}");
        String third = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Third"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + third + "/reject",
                "{\"decidedOn\": \"2026-04-20\", \"reason\": \"Out of scope\"}");

        String base = "/api/programs/" + program + "/decisions";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("viewer", base + "?status=DEFERRED")
                                .json()
                                .path("total")
                                .asLong())
                        .isEqualTo(1));
        assertThat(titles(base + "?status=APPROVED")).containsExactly("First");
        assertThat(titles(base + "?from=2026-04-01")).containsExactly("Second", "Third");
        assertThat(titles(base + "?from=2026-03-10&to=2026-04-20")).containsExactly("Third", "First");
        assertThat(titles(base + "?to=2026-03-09")).isEmpty();
        assertThat(titles(base + "?limit=1&offset=1")).containsExactly("Third");
        JsonNode deferred = queries.get("viewer", base + "/" + second).json();
        assertThat(deferred.path("deferredUntil").asString()).isEqualTo("2026-06-30");
    }

    @Test
    void everyStoredEventCarriesTheAuditMetadataAndTheActorIsThePrincipal() {
        String program = newProgram();
        String decision = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Audit me"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + decision + "/approve",
                "{\"decidedOn\": \"2026-03-10\"}");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + decision + "/revoke",
                "{\"revokedOn\": \"2026-05-01\", \"reason\": \"Supplier withdrew\"}");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/rename",
                "{\"name\": \"Airport automation II\", \"reason\": \"Phase two\", \"effectiveAt\": \"2026-01-01T00:00:00Z\"}");

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> metadata = system
                .jdbc()
                .sql("SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry "
                        + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'programId' = ? ORDER BY global_index")
                .param(program)
                .query(String.class)
                .list()
                .stream()
                .map(json::readTree)
                .toList();
        assertThat(metadata).hasSize(5);
        assertThat(metadata).allSatisfy(entry -> {
            for (String key : LedgerMetaData.REQUIRED) {
                assertThat(entry.path(key).asString()).as(key).isNotBlank();
            }
            assertThat(entry.path(LedgerMetaData.ACTOR).asString()).isEqualTo("pmo");
            assertThat(entry.path(LedgerMetaData.CLIENT_ADDRESS).asString()).isNotBlank();
            assertThat(entry.path(LedgerMetaData.CAUSATION_ID).asString())
                    .isNotEqualTo(entry.path(LedgerMetaData.CORRELATION_ID).asString());
        });
        assertThat(metadata.get(0).path(LedgerMetaData.EFFECTIVE_AT).asString()).isEqualTo("2023-12-31T23:00:00Z");
        assertThat(metadata.get(3).path(LedgerMetaData.REASON).asString()).isEqualTo("Supplier withdrew");
        assertThat(metadata.get(4).path(LedgerMetaData.EFFECTIVE_AT).asString()).isEqualTo("2026-01-01T00:00:00Z");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/" + program)
                                .text("name"))
                        .isEqualTo("Airport automation II"));
    }

    @Test
    void closedProgramIsShownClosedAndTakesNoMoreDecisions() {
        String program = newProgram();
        assertThat(commands.post(
                                "pmo",
                                "/api/programs/" + program + "/close",
                                "{\"closedOn\": \"2026-01-31\", \"reason\": \"Program completed\"}")
                        .status())
                .isEqualTo(200);
        Http.Response refused =
                commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Late"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("rule")).isEqualTo("program-closed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = queries.get("viewer", "/api/programs/" + program).json();
            assertThat(view.path("status").asString()).isEqualTo("CLOSED");
            assertThat(view.path("closedOn").asString()).isEqualTo("2026-01-31");
        });
    }

    private static List<String> titles(String path) {
        return queries.get("viewer", path)
                .json()
                .path("decisions")
                .valueStream()
                .map(decision -> decision.path("title").asString())
                .toList();
    }
}
