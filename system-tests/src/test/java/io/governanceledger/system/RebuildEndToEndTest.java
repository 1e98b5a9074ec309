package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.DecisionView;
import io.governanceledger.query.decisions.FindDecisionQuery;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.rebuild.ReadModelSchema;
import io.governanceledger.query.rebuild.RebuildCommand;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.time.BusinessClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A read model rebuilt from the ledger while decisions keep being recorded and read: every read during
 * the rebuild and the swap answers in full (the register never shrinks), and the rebuilt read model
 * equals a full replay of the ledger.
 */
class RebuildEndToEndTest {

    @Test
    void aReadModelIsRebuiltWhileWritesAndReadsContinueAndEqualsAFullReplay() throws Exception {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            LedgerSystem.Service query = system.startQueryService();
            Http queries = query.http();
            String program = "REBUILD-1";
            assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                            .status())
                    .isEqualTo(201);
            List<String> decisions = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 40; i++) {
                decisions.add(record(commands, program, i));
            }
            String register = "/api/programs/" + program + "/decisions?limit=1";
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(queries.get("viewer", register)
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(40));

            List<String> indexesBefore = indexes(system);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 40; running.get(); i++) {
                    decisions.add(record(commands, program, i));
                }
            });
            ConcurrentLinkedQueue<String> readProblems = new ConcurrentLinkedQueue<>();
            List<Long> totalsSeen = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                long last = 0;
                while (running.get()) {
                    Http.Response response = queries.get("viewer", register);
                    if (response.status() != 200) {
                        readProblems.add(response.status() + " " + response.body());
                        continue;
                    }
                    long total = response.json().path("total").asLong();
                    totalsSeen.add(total);
                    if (total < last) {
                        readProblems.add("the register shrank from " + last + " to " + total);
                    }
                    last = total;
                }
            });
            writer.start();
            reader.start();

            assertThat(queries.post("pmo", "/api/admin/read-models/decisions/rebuild", "")
                            .status())
                    .isEqualTo(403);
            Http.Response started = queries.post("operator", "/api/admin/read-models/decisions/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            List<JsonNode> progress = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        JsonNode now = queries.get("operator", "/api/admin/read-models/decisions/rebuild")
                                .json();
                        progress.add(now);
                        assertThat(now.path("state").asString()).isEqualTo("SWAPPED");
                    });
            running.set(false);
            writer.join();
            reader.join();

            assertThat(readProblems).isEmpty();
            assertThat(totalsSeen).hasSizeGreaterThan(10);
            JsonNode done = progress.get(progress.size() - 1);
            assertThat(done.path("eventsProcessed").asLong()).isGreaterThanOrEqualTo(41);
            assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
            assertThat(done.path("position").asLong())
                    .isLessThanOrEqualTo(done.path("ledgerHead").asLong());

            int recorded = decisions.size();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(queries.get("viewer", register)
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(recorded));
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM projections.decision_fact")
                            .query(Long.class)
                            .single())
                    .as("each event once")
                    .isEqualTo(recorded);
            assertThat(indexes(system))
                    .as("the migrations' index names, for later migrations")
                    .containsExactlyElementsOf(indexesBefore)
                    .contains("decision_version_register", "decision_fact_program");
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild_%'"
                                    + " OR nspname LIKE 'retired_%'")
                            .query(Long.class)
                            .single())
                    .isZero();

            // equal, view for view, to a full replay of the ledger
            QueryGateway gateway = query.context().getBean(QueryGateway.class);
            ReplayReference reference = ReplayReference.of(query.context());
            AsOf today = AsOf.of(LocalDate.now());
            Instant now = Instant.now();
            BusinessClock clock = query.context().getBean(BusinessClock.class);
            FindDecisionsQuery all =
                    new FindDecisionsQuery(program, null, null, null, 0, 1000, PointInTime.of(today, now, clock));
            assertThat(json(gateway.query(all, ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                            .join()))
                    .isEqualTo(json(reference.answer(
                            program,
                            today,
                            now,
                            () -> gateway.query(all, ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                                    .join())));
            // the first 50, or all if a quick rebuild let fewer than 10 more be recorded meanwhile
            for (String decision : decisions.subList(0, Math.min(50, decisions.size()))) {
                FindDecisionQuery one = new FindDecisionQuery(program, decision, PointInTime.of(today, now, clock));
                assertThat(json(gateway.query(one, ResponseTypes.optionalInstanceOf(DecisionView.class))
                                .join()))
                        .isEqualTo(json(reference.answer(
                                program,
                                today,
                                now,
                                () -> gateway.query(one, ResponseTypes.optionalInstanceOf(DecisionView.class))
                                        .join())));
            }

            // the command line asks the running service and follows the progress to the swap
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit = RebuildCommand.run(
                    new String[] {
                        "rebuild",
                        "programs",
                        "--url=" + queries.baseUrl(),
                        "--token=" + TestIssuer.get().tokenFor("operator")
                    },
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("programs SWAPPED: ", " events/s");
            assertThat(queries.get("viewer", "/api/programs/" + program).status())
                    .isEqualTo(200);

            // every read model rebuilt at once: the swaps, which recreate the views over all of them, take turns
            List<String> models = List.of("programs", "decisions", "budget", "contracts", "audit");
            for (String model : models) {
                assertThat(queries.post("operator", "/api/admin/read-models/" + model + "/rebuild", "")
                                .status())
                        .isEqualTo(202);
            }
            for (String model : models) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode state = queries.get("operator", "/api/admin/read-models/" + model + "/rebuild")
                            .json();
                    assertThat(state.path("state").asText())
                            .as(state.toString())
                            .isEqualTo("SWAPPED");
                });
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(queries.get("viewer", register)
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(decisions.size()));

            // all five in one pass; while it runs (held here at its swap), a rebuild of one of them is refused
            long auditRows = system.jdbc()
                    .sql("SELECT count(*) FROM projections.audit_event")
                    .query(Long.class)
                    .single();
            try (Connection holder = LedgerSystem.dataSource(system.jdbcUrl()).getConnection();
                    Statement swapLock = holder.createStatement()) {
                swapLock.execute("SELECT pg_advisory_lock(hashtext('governance-ledger read model swap'))");
                assertThat(queries.post("operator", "/api/admin/read-models/all/rebuild", "")
                                .status())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(queries.get("operator", "/api/admin/read-models/all/rebuild")
                                        .json()
                                        .path("position")
                                        .asLong())
                                .isEqualTo(system.jdbc()
                                        .sql("SELECT max(position) FROM event_store.ledger_entry")
                                        .query(Long.class)
                                        .single()));
                Http.Response refused = queries.post("operator", "/api/admin/read-models/decisions/rebuild", "");
                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(refused.body()).contains("rebuild-running", "'all'");
                assertThat(queries.get("operator", "/api/admin/read-models/all/rebuild")
                                .json()
                                .path("state")
                                .asText())
                        .isEqualTo("RUNNING");
                swapLock.execute("SELECT pg_advisory_unlock(hashtext('governance-ledger read model swap'))");
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode state = queries.get("operator", "/api/admin/read-models/all/rebuild")
                        .json();
                assertThat(state.path("state").asText()).as(state.toString()).isEqualTo("SWAPPED");
                assertThat(state.path("readModel").asText()).isEqualTo("all");
            });
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM projections.audit_event")
                            .query(Long.class)
                            .single())
                    .as("every event once in the rebuilt audit trail")
                    .isEqualTo(auditRows);
            assertThat(indexes(system))
                    .as("indexes dropped for the load are back under their names")
                    .containsExactlyElementsOf(indexesBefore);
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " WHERE n.nspname = 'projections' AND c.relpersistence <> 'p'")
                            .query(Long.class)
                            .single())
                    .as("every table logged again")
                    .isZero();
            assertThat(system.jdbc()
                            .sql(
                                    "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'projections'"
                                            + " AND relname IN (:tables) AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL")
                            .param("tables", ReadModelSchema.allTables())
                            .query(String.class)
                            .list())
                    .as("every rebuilt table vacuumed and analysed (by the rebuild, not autovacuum) before it answers")
                    .containsExactlyInAnyOrderElementsOf(ReadModelSchema.allTables());
            assertThat(queries.get("viewer", register).json().path("total").asLong())
                    .isEqualTo(decisions.size());
            assertThat(queries.post("operator", "/api/admin/read-models/nothing/rebuild", "")
                            .status())
                    .isEqualTo(404);
        }
    }

    private static List<String> indexes(LedgerSystem system) {
        return system.jdbc()
                .sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'projections'"
                        + " AND tablename LIKE 'decision%' ORDER BY indexname")
                .query(String.class)
                .list();
    }

    private static String record(Http commands, String program, int i) {
        Http.Response response =
                commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("D" + i));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private static String json(Object answer) {
        return answer instanceof java.util.Optional<?> optional
                ? optional.map(LedgerSerializer::toJson).orElse("(none)")
                : LedgerSerializer.toJson(answer);
    }
}
