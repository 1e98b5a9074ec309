package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key across command services sharing one store: concurrent retries of one request,
 * spread over two services, record it once; a retry after the answer was lost (the row edited as a
 * crash between commit and answer leaves it) is never run again; a request that died without effect
 * frees its key once its lease ends.
 */
class IdempotencyEndToEndTest {

    @Test
    void concurrentRetriesThroughTwoCommandServicesRecordOnce() throws Exception {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http first = system.startCommandService().http();
            Http second = system.startCommandService().http();
            String program = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(first.post("pmo", "/api/programs", Bodies.program(program))
                            .status())
                    .isEqualTo(201);
            String decisions = "/api/programs/" + program + "/decisions";
            String key = UUID.randomUUID().toString();
            String body = Bodies.decision("Once only");
            long before = system.storedEvents();

            List<Http.Response> answers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Http.Response>> sent = new ArrayList<>();
                for (int request = 0; request < 8; request++) {
                    Http service = request % 2 == 0 ? first : second;
                    sent.add(pool.submit(() -> service.post("pmo", decisions, body, Map.of("Idempotency-Key", key))));
                }
                for (Future<Http.Response> answer : sent) {
                    answers.add(answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            // exactly one ran; the others got its answer again or were told it was still running
            assertThat(answers)
                    .filteredOn(answer -> answer.status() == 201 && answer.header("Idempotent-Replayed") == null)
                    .hasSize(1);
            Http.Response original = answers.stream()
                    .filter(answer -> answer.status() == 201 && answer.header("Idempotent-Replayed") == null)
                    .findFirst()
                    .orElseThrow();
            for (Http.Response answer : answers) {
                if (answer.status() == 201) {
                    assertThat(answer.body()).isEqualTo(original.body());
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                    assertThat(answer.json().path("rule").asString()).isEqualTo("idempotency-key-in-flight");
                    assertThat(answer.header("Retry-After")).isNotNull();
                }
            }
            assertThat(system.storedEvents()).isEqualTo(before + 1);
            Http.Response later = second.post("pmo", decisions, body, Map.of("Idempotency-Key", key));
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.body()).isEqualTo(original.body());
            assertThat(later.header("Ledger-Event-Id")).isEqualTo(original.header("Ledger-Event-Id"));

            // the answer lost after the commit (a crash between the two): the retry is not run again
            system.jdbc()
                    .sql("UPDATE event_store.idempotency_key SET status = NULL, headers = NULL, body = NULL "
                            + "WHERE idempotency_key = ?")
                    .param(key)
                    .update();
            Http.Response lost = first.post("pmo", decisions, body, Map.of("Idempotency-Key", key));
            assertThat(lost.status()).as(lost.body()).isEqualTo(409);
            assertThat(lost.json().path("rule").asString()).isEqualTo("idempotency-key-recorded");
            assertThat(lost.json().path("eventId").asString()).isEqualTo(original.header("Ledger-Event-Id"));
            assertThat(system.storedEvents()).isEqualTo(before + 1);

            // a first request that died without effect: once its lease has run out, the retry runs
            String other = UUID.randomUUID().toString();
            Http.Response done =
                    first.post("pmo", decisions, Bodies.decision("Died"), Map.of("Idempotency-Key", other));
            assertThat(done.status()).isEqualTo(201);
            system.jdbc()
                    .sql("UPDATE event_store.idempotency_key SET status = NULL, headers = NULL, body = NULL, "
                            + "recorded_event_id = NULL, lease_until = clock_timestamp() - INTERVAL '1 second' "
                            + "WHERE idempotency_key = ?")
                    .param(other)
                    .update();
            Http.Response rerun =
                    second.post("pmo", decisions, Bodies.decision("Died"), Map.of("Idempotency-Key", other));
            assertThat(rerun.status()).isEqualTo(201);
            assertThat(rerun.header("Idempotent-Replayed")).isNull();
            system.jdbc()
                    .sql(
                            "UPDATE event_store.idempotency_key SET lease_until = clock_timestamp() + INTERVAL '1 minute', "
                                    + "status = NULL WHERE idempotency_key = ?")
                    .param(other)
                    .update();
            Http.Response running =
                    first.post("pmo", decisions, Bodies.decision("Died"), Map.of("Idempotency-Key", other));
            assertThat(running.status()).isEqualTo(409);
            assertThat(running.json().path("rule").asString())
                    .isIn("idempotency-key-in-flight", "idempotency-key-recorded");
        }
    }
}
