package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events a ledger accepted before the edge held text and dates to its rules (the golden archive's
 * variants: NUL, lone surrogates, control characters, years of +/-999999999) can never change. Stored
 * as they were, every read model still takes them in, health stays UP, and the views show each
 * character PostgreSQL cannot hold as its visible escape.
 */
class LegacyEventsEndToEndTest {

    private static final Path GOLDEN = Path.of("../service-support/src/test/resources/golden-events");

    private LedgerSystem system;
    private String movement;

    @Test
    void eventsStoredBeforeTheEdgeHeldItsRulesStillProjectAndShowEscaped() throws IOException {
        system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        String program = "LEG-" + UUID.randomUUID().toString().substring(0, 8);
        String oldProgram = program + "-OLD";
        String contract = "CON-" + UUID.randomUUID();
        String decision = UUID.randomUUID().toString();
        movement = "MOV-" + UUID.randomUUID();
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                        .status())
                .isEqualTo(201);
        assertThat(commands.post(
                                "finance",
                                "/api/programs/" + program + "/budget/lines",
                                "{\"lineId\": \"L1\", \"workstream\": \"W\", \"category\": \"CAPEX\", \"fiscalYear\": 2026}")
                        .status())
                .isEqualTo(201);

        store(
                program,
                1,
                "Program",
                "ProgramRenamedEvent.rev1.unkeepable-text.json",
                program,
                "+1000000000-12-31T23:59:59.999999999Z");
        store(
                oldProgram,
                0,
                "Program",
                "ProgramCreatedEvent.rev1.extreme-dates.json",
                oldProgram,
                "-999999999-01-01T00:00:00Z");
        store(
                contract,
                0,
                "Contract",
                "ContractRegisteredEvent.rev1.extreme-dates.json",
                program,
                "-999999999-01-01T00:00:00Z");
        store(
                program + "/budget",
                1,
                "ProgramBudget",
                "MovementBookedEvent.rev1.extreme-dates.json",
                program,
                "+999999999-12-31T00:00:00Z");
        store(
                decision,
                0,
                "Decision",
                "DecisionRecordedEvent.rev2.unkeepable-text.json",
                program,
                "2026-01-01T00:00:00Z");

        String audit = "/api/programs/" + program + "/audit-trail";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // created, line opened, and the four legacy events of this program
            assertThat(queries.get("auditor", audit).json().path("total").asLong())
                    .isEqualTo(6);
            assertThat(queries.get("auditor", "/api/programs/" + oldProgram).status())
                    .as("old program")
                    .isEqualTo(200);
            assertThat(queries.get("auditor", "/api/programs/" + program + "/decisions/" + decision)
                            .status())
                    .as("decision")
                    .isEqualTo(200);
            assertThat(queries.get("auditor", "/api/programs/" + program + "/contracts/" + contract)
                            .status())
                    .as("contract")
                    .isEqualTo(200);
        });
        // effective in the year 999999999: on the record, in no view of any date a view can be asked for
        assertThat(queries.get("auditor", audit).body()).contains(movement);
        assertThat(queries.get(
                                "auditor",
                                "/api/programs/" + program + "/budget/movements/" + movement + "?asOf=9999-12-31")
                        .status())
                .isEqualTo(404);
        JsonNode health = queries.get("auditor", "/actuator/health")
                .json()
                .path("components")
                .path("projections");
        assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");

        String trail = queries.get("auditor", audit).body();
        assertThat(trail)
                .contains("Airport\\\\u0000automation \\\\uD800 bell\\\\u0007")
                .contains("legacy\\\\u0000reason \\\\uDC00");
        assertThat(queries.get("auditor", "/api/programs/" + oldProgram)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Programme \\u0000 of all time");
        assertThat(queries.get("auditor", "/api/programs/" + program + "/decisions/" + decision)
                        .json()
                        .path("details")
                        .path("title")
                        .asString())
                .isEqualTo("Go\\u0000live");
        assertThat(queries.get("auditor", "/api/programs/" + program + "/contracts")
                        .body())
                .contains(contract);
    }

    /** Appends a stored event as an older ledger held it, bypassing today's edge and command side. */
    private void store(
            String aggregate, long sequence, String type, String golden, String programId, String effectiveAt)
            throws IOException {
        String[] name = golden.split("\\.");
        String payload = Files.readString(GOLDEN.resolve(golden))
                .replace("\"programId-value\"", "\"" + programId + "\"")
                .replace("\"contractId-value\"", "\"" + aggregate + "\"")
                .replace("\"decisionId-value\"", "\"" + aggregate + "\"")
                .replace("\"movementId-value\"", "\"" + movement + "\"")
                .replace("\"lineId-value\"", "\"L1\"");
        String metaData = """
                {"actor": "pmo", "reason": "legacy\\u0000reason \\udc00", "correlationId": "legacy-%s",
                 "causationId": "legacy-%s", "programId": "%s", "clientAddress": "127.0.0.1", "effectiveAt": "%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), programId, effectiveAt);
        String payloadType = "io.governanceledger.events."
                + switch (type) {
                    case "Program" -> "programs.";
                    case "Contract" -> "contracts.";
                    case "ProgramBudget" -> "budget.";
                    default -> "decisions.";
                }
                + name[0];
        system.jdbc()
                .sql("""
                          INSERT INTO event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                              event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2025-03-11T09:00:00.000Z')
                          """)
                .params(
                        aggregate,
                        sequence,
                        type,
                        UUID.randomUUID().toString(),
                        metaData.getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8),
                        name[1].substring(3),
                        payloadType)
                .update();
    }
}
