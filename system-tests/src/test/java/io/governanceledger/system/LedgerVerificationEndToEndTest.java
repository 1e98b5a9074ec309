package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.ledger.LedgerProof;
import io.governanceledger.ledger.SigningKeys;
import io.governanceledger.ledger.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command service signs checkpoints as it goes; the query service's endpoint and the command-line
 * verifier check the whole ledger against the published key, and name the row a database owner altered.
 */
class LedgerVerificationEndToEndTest {

    private static final Path KEY = Path.of(".ledger", "keys", "checkpoint-signing.pub");

    @Test
    void theLedgerVerifiesUntilARowIsAlteredThenNamesIt(@TempDir Path temp) throws Exception {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService("--ledger.checkpoints.interval=PT0.5S")
                    .http();
            Http queries = system.startQueryService().http();
            // the trial grants come first in the ledger order
            long base = system.storedEvents();
            String program = "VERIFY-1";
            assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < 5; i++) {
                commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("D" + i));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode report =
                        queries.get("auditor", "/api/ledger/verification").json();
                assertThat(report.path("status").asString()).isEqualTo("VERIFIED");
                assertThat(report.path("verifiedUpTo").asLong()).isEqualTo(base + 6);
                assertThat(report.path("signedUpTo").asLong()).isEqualTo(base + 6);
            });
            JsonNode key = queries.get("auditor", "/api/ledger/public-key").json();
            assertThat(key.path("algorithm").asString()).isEqualTo("Ed25519");
            assertThat(key.path("pem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");

            // the auditor's bundle of the program verifies offline against the published key
            Path bundle = temp.resolve("ledger-export.zip");
            Files.write(bundle, queries.getBytes("auditor", "/api/ledger/export?programId=" + program));
            ByteArrayOutputStream offline = new ByteArrayOutputStream();
            assertThat(VerifyCommand.run(
                            new String[] {"verify", "--bundle=" + bundle, "--public-key=" + KEY},
                            new PrintStream(offline, true, StandardCharsets.UTF_8)))
                    .as(offline.toString(StandardCharsets.UTF_8))
                    .isZero();
            assertThat(offline.toString(StandardCharsets.UTF_8)).contains("VERIFIED up to position " + (base + 6));
            assertThat(queries.get("auditor", "/api/ledger/export?programId=NOPE")
                            .status())
                    .isEqualTo(404);

            // one event's proof holds against the published key, without the other events
            Http.Response proof = queries.get("auditor", "/api/ledger/proof/" + (base + 3));
            assertThat(proof.status()).as(proof.body()).isEqualTo(200);
            assertThat(LedgerProof.check(
                            new com.fasterxml.jackson.databind.ObjectMapper().readTree(proof.body()),
                            SigningKeys.loadPublic(KEY)))
                    .isNull();
            assertThat(queries.get("auditor", "/api/ledger/proof/999").status()).isEqualTo(404);

            // a database owner rewrites the reason of the third event
            system.jdbc().sql("""
                              SET session_replication_role = replica;
                              UPDATE event_store.domain_event_entry SET meta_data = convert_to(
                                  replace(convert_from(meta_data, 'UTF8'), 'Steering committee', 'Nobody'), 'UTF8')
                              WHERE global_index = (SELECT global_index FROM event_store.ledger_entry WHERE position = %d)
                              """.formatted(base + 3)).update();
            JsonNode report = queries.get("auditor", "/api/ledger/verification").json();
            assertThat(report.path("status").asString()).isEqualTo("FAILED");
            assertThat(report.path("failedAt").asLong()).isEqualTo(base + 3);
            assertThat(report.path("failure").asString()).isEqualTo("event-changed");
            assertThat(report.path("verifiedUpTo").asLong()).isEqualTo(base + 2);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = VerifyCommand.run(
                    new String[] {
                        "verify",
                        "--jdbc-url=" + system.jdbcUrl(),
                        "--user=" + EmbeddedPostgresServer.USER,
                        "--password=" + EmbeddedPostgresServer.PASSWORD,
                        "--public-key=" + KEY
                    },
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(1);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("FAILED at position " + (base + 3) + ": event-changed");
        }
    }
}
