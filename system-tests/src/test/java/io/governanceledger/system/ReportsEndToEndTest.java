package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A report produced at a fixed ledger position is produced again byte for byte later: after more
 * events, after a back-dated correction, and after its read model was rebuilt.
 */
class ReportsEndToEndTest {

    @Test
    void aReportAtAFixedPositionIsReproducedByteForByteWithItsManifest() throws Exception {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        BudgetFixture budget = new BudgetFixture(commands, "REPORT")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .delegation("finance", "1000000");
        String program = budget.program;
        String decisions = "/api/programs/" + program + "/decisions";
        String first = commands.post("pmo", decisions, Bodies.decision("Adopt cloud hosting"))
                .text("id");
        commands.post("pmo", decisions + "/" + first + "/approve", "{\"decidedOn\": \"2026-03-10\"}");
        commands.post("pmo", decisions, Bodies.decision("Open a second data centre"));
        budget.move("finance", "ALLOCATION", "L1", null, new BigDecimal("250000.00"), null, null, "2026-02-01");
        String reports = "/api/programs/" + program + "/reports/";
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(queries.get("auditor", reports + "decision-register")
                                .json()
                                .path("manifest")
                                .path("rows")
                                .asLong())
                        .isEqualTo(2));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(queries.get("auditor", reports + "budget-ledger")
                                .json()
                                .path("manifest")
                                .path("rows")
                                .asLong())
                        .isEqualTo(1));

        JsonNode register =
                queries.get("auditor", reports + "decision-register").json();
        JsonNode manifest = register.path("manifest");
        long position = manifest.path("lastPosition").asLong();
        String content = register.path("content").asString();
        assertThat(manifest.path("contentSha256").asString()).isEqualTo(sha256(content));
        assertThat(manifest.path("contentBytes").asLong()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(manifest.path("firstPosition").asLong()).isEqualTo(1);
        assertThat(manifest.path("chainHash").asString())
                .isEqualTo(system.jdbc()
                        .sql("SELECT encode(hash, 'hex') FROM event_store.ledger_entry WHERE position = ?")
                        .param(position)
                        .query(String.class)
                        .single());
        assertThat(manifest.path("eventSchemaVersions")
                        .path("DecisionRecordedEvent")
                        .asString())
                .isEqualTo("2");
        assertThat(manifest.path("projectionSchemaVersion").asString()).isNotBlank();
        assertThat(content).startsWith("decision_id,title,status").contains("Adopt cloud hosting,APPROVED");
        JsonNode ledger = queries.get("auditor", reports + "budget-ledger?position=" + position)
                .json();
        assertThat(ledger.path("content").asString()).contains("250000.00");

        // later: a new decision, and the first one revoked back-dated to before the report's position
        commands.post("pmo", decisions, Bodies.decision("Third decision"));
        commands.post(
                "pmo",
                decisions + "/" + first + "/revoke",
                "{\"revokedOn\": \"2026-04-01\", \"reason\": \"Cloud contract fell through\"}");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(queries.get("auditor", reports + "decision-register")
                                .json()
                                .path("manifest")
                                .path("rows")
                                .asLong())
                        .isEqualTo(3));
        String now = queries.get("auditor", reports + "decision-register")
                .json()
                .path("content")
                .asString();
        assertThat(now).contains("Adopt cloud hosting,REVOKED");

        JsonNode again = queries.get(
                        "auditor",
                        reports + "decision-register?position=" + position + "&asOf="
                                + manifest.path("asOf").asString())
                .json();
        assertThat(again.path("content").asString()).isEqualTo(content);
        assertThat(again.path("manifest").path("contentSha256").asString())
                .isEqualTo(manifest.path("contentSha256").asString());

        // and after the read model was rebuilt from the ledger
        assertThat(queries.post("operator", "/api/admin/read-models/decisions/rebuild", "")
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(queries.get("auditor", "/api/admin/read-models/decisions/rebuild")
                                .json()
                                .path("state")
                                .asString())
                        .isEqualTo("SWAPPED"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(queries.get("auditor", reports + "decision-register?position=" + position)
                                        .json()
                                        .path("content")
                                        .asString())
                                .isEqualTo(content));

        Http.Response outside = queries.get("auditor", reports + "decision-register?position=0");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(outside.body()).contains("\"field\":\"position\"");
        assertThat(queries.get("auditor", reports + "balance-sheet").status()).isEqualTo(404);
        assertThat(queries.get("auditor", "/api/programs/NOPE/reports/decision-register")
                        .status())
                .isEqualTo(404);
        assertThat(queries.get(null, reports + "decision-register").status()).isEqualTo(401);
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
