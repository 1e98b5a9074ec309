package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.ledger.LedgerSealer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * Read your own writes: a command's answer names the last event it recorded ({@code Ledger-Event-Id});
 * a read that sends it back ({@code Ledger-Read-After}) is held until the event is sealed and every read
 * model has taken in every event up to it, and is answered 503 if that takes too long.
 */
class ReadAfterEndToEndTest {

    private static final String LAST_EVENT = "Ledger-Event-Id";
    private static final String READ_AFTER = "Ledger-Read-After";

    @Test
    void aReadNamingAnEventWaitsUntilEveryReadModelHasTakenInEverythingUpToIt() throws Exception {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            // no sealer runs on its own: the test seals, so it decides when events join the ledger order
            LedgerSystem.Service commandService = system.startCommandService("--ledger.sealer.enabled=false");
            LedgerSystem.Service queryService = system.startQueryService(
                    "--ledger.sealer.enabled=false",
                    "--ledger.read-after.wait-ms=3000",
                    "--ledger.read-after.max-waiting=1");
            Http commands = commandService.http();
            Http queries = queryService.http();
            LedgerSealer sealer = commandService.context().getBean(LedgerSealer.class);

            Http.Response created = commands.post("pmo", "/api/programs", Bodies.program("READ-AFTER"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header(LAST_EVENT))
                    .isEqualTo(system.jdbc()
                            .sql(
                                    "SELECT event_identifier FROM event_store.domain_event_entry WHERE aggregate_identifier = 'READ-AFTER'")
                            .query(String.class)
                            .single());

            // not yet in the ledger order: the read waits for the seal
            CompletableFuture<Http.Response> program = CompletableFuture.supplyAsync(() ->
                    queries.get("viewer", "/api/programs/READ-AFTER", Map.of(READ_AFTER, created.header(LAST_EVENT))));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !program.isDone());
            assertThat(sealer.sealAvailable()).isEqualTo(1);
            assertThat(program.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);

            // an earlier event, in a segment that has not taken it in: the read after a later one, already
            // taken in by its own segment, waits for it too (everything up to the named event counts)
            PooledStreamingEventProcessor programs = queryService
                    .context()
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessor("programs", PooledStreamingEventProcessor.class)
                    .orElseThrow();
            String earlier = programInSegment(0);
            String later = programInSegment(1);
            programs.releaseSegment(0, 60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !programs.processingStatus().containsKey(0));
            assertThat(commands.post("pmo", "/api/programs", Bodies.program(earlier))
                            .status())
                    .isEqualTo(201);
            Http.Response laterCreated = commands.post("pmo", "/api/programs", Bodies.program(later));
            assertThat(sealer.sealAvailable()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> queries.get("viewer", "/api/programs/" + later).status() == 200);
            CompletableFuture<Http.Response> behindEarlier = CompletableFuture.supplyAsync(() -> queries.get(
                    "viewer", "/api/programs/" + later, Map.of(READ_AFTER, laterCreated.header(LAST_EVENT))));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !behindEarlier.isDone());
            assertThat(queries.get("viewer", "/api/programs/" + earlier).status())
                    .isEqualTo(404);
            assertThat(programs.claimSegment(0).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(behindEarlier.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(queries.get("viewer", "/api/programs/" + earlier).status())
                    .isEqualTo(200);

            // sealed, but one read model that handles the event is stopped: the read waits for it
            StreamingEventProcessor decisions = queryService
                    .context()
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessor("decisions", StreamingEventProcessor.class)
                    .orElseThrow();
            decisions.shutDown();
            Http.Response recorded =
                    commands.post("pmo", "/api/programs/READ-AFTER/decisions", Bodies.decision("Wait"));
            String decision = "/api/programs/READ-AFTER/decisions/" + recorded.text("id");
            assertThat(sealer.sealAvailable()).isEqualTo(1);
            CompletableFuture<Http.Response> held = CompletableFuture.supplyAsync(
                    () -> queries.get("viewer", decision, Map.of(READ_AFTER, recorded.header(LAST_EVENT))));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !held.isDone());
            assertThat(queries.get("viewer", decision).status()).isEqualTo(404);
            // one read may wait here; a second is refused at once rather than hold another thread
            Http.Response busy = queries.get("viewer", decision, Map.of(READ_AFTER, recorded.header(LAST_EVENT)));
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.text("rule")).isEqualTo("read-after-busy");
            assertThat(held.isDone()).isFalse();
            decisions.start();
            Http.Response answered = held.get(10, TimeUnit.SECONDS);
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.json().path("summary").path("decisionId").asString())
                    .isEqualTo(recorded.text("id"));
            // the audit trail handles the event too, and had it before the answer
            assertThat(queries.get("auditor", "/api/programs/READ-AFTER/audit-trail")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(2);

            // a command that records several events names the last of them
            assertThat(commands.post("pmo", decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response superseding = commands.post(
                    "pmo",
                    decision + "/supersede",
                    Bodies.decision("Replacement", "\"2026-04-14\"", "\"2026-09-01\""),
                    Map.of("X-Correlation-Id", "read-after-supersede"));
            assertThat(superseding.status()).isEqualTo(201);
            var ofCommand = system.jdbc()
                    .sql("""
                                              SELECT event_identifier FROM event_store.domain_event_entry
                                              WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' = ?
                                              ORDER BY global_index""")
                    .param("read-after-supersede")
                    .query(String.class)
                    .list();
            assertThat(ofCommand).hasSizeGreaterThan(1);
            assertThat(superseding.header(LAST_EVENT)).isEqualTo(ofCommand.get(ofCommand.size() - 1));
            sealer.sealAvailable();
            Http.Response replaced =
                    queries.get("viewer", decision, Map.of(READ_AFTER, superseding.header(LAST_EVENT)));
            assertThat(replaced.json().path("summary").path("status").asString())
                    .isEqualTo("SUPERSEDED");

            // a read model that stays behind: answered 503 after the wait, not without the event
            decisions.shutDown();
            Http.Response late = commands.post("pmo", "/api/programs/READ-AFTER/decisions", Bodies.decision("Late"));
            sealer.sealAvailable();
            Http.Response refused = queries.get(
                    "viewer",
                    "/api/programs/READ-AFTER/decisions/" + late.text("id"),
                    Map.of(READ_AFTER, late.header(LAST_EVENT)));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("rule")).isEqualTo("read-model-behind");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            decisions.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> queries.get(
                                            "viewer",
                                            "/api/programs/READ-AFTER/decisions/" + late.text("id"),
                                            Map.of(READ_AFTER, late.header(LAST_EVENT)))
                                    .status()
                            == 200);
        }
    }

    /** A program id whose events the programs processor's segment {@code segmentId} (of two) handles. */
    private static String programInSegment(int segmentId) {
        Segment segment = Segment.computeSegment(segmentId, 0, 1);
        for (int i = 0; ; i++) {
            String programId = "READ-AFTER-" + i;
            if (segment.matches(programId)) {
                return programId;
            }
        }
    }

    @Test
    void aReadAfterSomethingThatIsNotARecordedEventIsRefused() {
        LedgerSystem system = LedgerSystem.shared();
        Http queries = system.startedQueries();
        long events = system.storedEvents();

        Http.Response malformed = queries.get("viewer", "/api/programs", Map.of(READ_AFTER, "yesterday"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().path("errors").get(0).path("field").asString())
                .isEqualTo(READ_AFTER);
        assertThat(malformed.json().path("errors").get(0).path("rule").asString())
                .isEqualTo("format");

        Http.Response unknown = queries.get(
                "viewer", "/api/programs", Map.of(READ_AFTER, UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo(READ_AFTER);
        assertThat(unknown.json().path("errors").get(0).path("rule").asString()).isEqualTo("unknown-event");

        assertThat(queries.get(null, "/api/programs", Map.of(READ_AFTER, "yesterday"))
                        .status())
                .isEqualTo(401);
        assertThat(system.storedEvents()).isEqualTo(events);
    }
}
