package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.ledger.BundleVerifier;
import io.governanceledger.ledger.SigningKeys;
import io.governanceledger.ledger.VerificationReport;
import io.governanceledger.ledger.VerifyCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole ledger exported, verified offline, restored into an empty database and read by a query
 * service that has nothing else: every view equals the live one, and the restored ledger verifies.
 */
class ExportRoundTripEndToEndTest {

    private static final Path KEY = Path.of(".ledger", "keys", "checkpoint-signing.pub");

    @Test
    void exportVerifyOfflineRestoreAndTheViewsAreTheSame(@TempDir Path temp) throws Exception {
        try (LedgerSystem live = LedgerSystem.isolated();
                LedgerSystem restored = LedgerSystem.isolated()) {
            Http commands = live.startCommandService("--ledger.checkpoints.interval=PT0.5S")
                    .http();
            Http queries = live.startQueryService().http();
            BudgetFixture budget = new BudgetFixture(commands, "ROUND")
                    .line("L1", "Infrastructure", "CAPEX", 2026)
                    .delegation("finance", "1000000");
            String program = budget.program;
            String decisions = "/api/programs/" + program + "/decisions";
            String decision = commands.post("pmo", decisions, Bodies.decision("Adopt cloud hosting"))
                    .text("id");
            commands.post("pmo", decisions + "/" + decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}");
            budget.move("finance", "ALLOCATION", "L1", null, new BigDecimal("250000.00"), null, null, "2026-02-01");
            budget.move("finance", "COMMITMENT", "L1", null, new BigDecimal("1200.50"), "PO-1", null, "2026-03-01");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode report =
                        queries.get("auditor", "/api/ledger/verification").json();
                assertThat(report.path("status").asString()).isEqualTo("VERIFIED");
                assertThat(report.path("signedUpTo").asLong())
                        .isEqualTo(report.path("verifiedUpTo").asLong());
            });
            long head = queries.get("auditor", "/api/ledger/verification")
                    .json()
                    .path("verifiedUpTo")
                    .asLong();
            String knownAt = live.jdbc()
                    .sql("SELECT recorded_at FROM event_store.ledger_entry WHERE position = ?")
                    .param(head)
                    .query(java.time.OffsetDateTime.class)
                    .single()
                    .toInstant()
                    .toString();

            byte[] bundle = queries.getBytes("auditor", "/api/ledger/export");
            VerificationReport offline =
                    BundleVerifier.verify(new ByteArrayInputStream(bundle), SigningKeys.loadPublic(KEY));
            assertThat(offline.status()).as(offline.detail()).isEqualTo(VerificationReport.Status.VERIFIED);
            assertThat(offline.verifiedUpTo()).isEqualTo(head);

            Path file = temp.resolve("ledger-export.zip");
            Files.write(file, bundle);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = VerifyCommand.run(
                    new String[] {
                        "restore",
                        "--bundle=" + file,
                        "--jdbc-url=" + restored.jdbcUrl(),
                        "--user=" + EmbeddedPostgresServer.USER,
                        "--password=" + EmbeddedPostgresServer.PASSWORD,
                        "--public-key=" + KEY
                    },
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("restored " + head + " events");

            Http rebuilt = restored.startQueryService().http();
            String at = "?asOf=2026-06-30&knownAt=" + knownAt;
            List<String> views = List.of(
                    "/api/programs/" + program + at,
                    decisions + at,
                    decisions + "/" + decision + at,
                    budget.path(at),
                    budget.path("/movements" + at),
                    budget.path("/delegations" + at),
                    budget.path("/lines/L1/lineage" + at),
                    "/api/programs/" + program + "/audit-trail" + at);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String view : views) {
                    assertThat(rebuilt.get("auditor", view).body())
                            .as(view)
                            .isEqualTo(queries.get("auditor", view).body());
                }
            });
            JsonNode verification =
                    rebuilt.get("auditor", "/api/ledger/verification").json();
            assertThat(verification.path("status").asString()).isEqualTo("VERIFIED");
            assertThat(verification.path("verifiedUpTo").asLong()).isEqualTo(head);
            assertThat(verification.path("signedUpTo").asLong()).isEqualTo(head);
        }
    }
}
