package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.support.eventstore.SnapshotFreeEventStorageEngine;
import io.governanceledger.support.messaging.TimeLimits;
import io.governanceledger.system.LedgerSystem.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;

/**
 * Each test runs its own system: the query side resumes from its tokens after a restart, command
 * services scale out against one store, query services share the work through the token store.
 */
class RestartAndScaleOutEndToEndTest {

    @Test
    void axonRunsOnPostgresWithTheSpringTransactionManager() {
        LedgerSystem system = LedgerSystem.shared();
        for (String role : new String[] {"command", "query"}) {
            var context = role.equals("command") ? system.commandContext() : system.queryContext();
            // without it, appends, tokens and projection rows silently stop sharing a transaction
            assertThat(context.getBean(TransactionManager.class)).as(role).isInstanceOf(SpringTransactionManager.class);
            assertThat(context.getBean(EventStorageEngine.class))
                    .as(role)
                    .isInstanceOf(JdbcEventStorageEngine.class)
                    .isInstanceOf(SnapshotFreeEventStorageEngine.class);
            assertThat(context.getBean(TokenStore.class)).as(role).isInstanceOf(JdbcTokenStore.class);
            // our time limits, not Axon 4.13.0's, which take a stack trace at every handler call
            assertThat(context.getBeansOfType(TimeLimits.class)).as(role).hasSize(1);
            assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class))
                    .as(role)
                    .isEmpty();
        }
        EventProcessingConfiguration processing = system.queryContext().getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessor("programs", PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.eventProcessor("decisions", PooledStreamingEventProcessor.class))
                .get()
                .satisfies(decisions -> assertThat(decisions.getHandlerInterceptors())
                        .anySatisfy(
                                interceptor -> assertThat(interceptor.getClass().getEnclosingClass())
                                        .isEqualTo(TimeLimits.class)));
    }

    @Test
    void queryServiceResumesFromItsTokensAfterARestartWithoutDuplicates() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            Service query = system.startQueryService();
            commands.post("pmo", "/api/programs", Bodies.program("RST"));
            List<String> before = record(commands, 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(system) == 5);

            system.stop(query);
            // proof that the restarted processor does not replay from the start: a row it has
            // already projected, removed while it is down, stays removed
            String forgotten = before.get(0);
            system.jdbc()
                    .sql("DELETE FROM projections.decision_fact WHERE record_id = ?")
                    .param(forgotten)
                    .update();
            List<String> after = record(commands, 5);

            Http queries = system.startQueryService().http();
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/RST/decisions")
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(system) == 9);
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM projections.decision_fact WHERE record_id = ?")
                            .param(forgotten)
                            .query(Long.class)
                            .single())
                    .isZero();
            for (String decision : after) {
                assertThat(system.jdbc()
                                .sql("SELECT count(*) FROM projections.decision_fact WHERE record_id = ?")
                                .param(decision)
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void twoCommandServicesAndTwoQueryServicesShareOneStoreSafely() throws Exception {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http first = system.startCommandService().http();
            Http second = system.startCommandService().http();
            Service queryA = system.startQueryService();
            Service queryB = system.startQueryService();
            first.post("pmo", "/api/programs", Bodies.program("SCALE"));
            String decision = first.post("pmo", "/api/programs/SCALE/decisions", Bodies.decision("Contested"))
                    .text("id");

            // both instances race to approve the same decision: exactly one wins
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> approvals = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Http target = i % 2 == 0 ? first : second;
                approvals.add(pool.submit(() -> target.post(
                                "pmo",
                                "/api/programs/SCALE/decisions/" + decision + "/approve",
                                "{\"decidedOn\": \"2026-03-10\"}")
                        .status()));
            }
            // and record decisions in parallel through both
            ConcurrentLinkedQueue<Integer> recordings = new ConcurrentLinkedQueue<>();
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Http target = i % 2 == 0 ? first : second;
                writes.add(pool.submit(() ->
                        recordings.add(target.post("pmo", "/api/programs/SCALE/decisions", Bodies.decision("Parallel"))
                                .status())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> approval : approvals) {
                statuses.add(approval.get());
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
            assertThat(recordings).hasSize(40).containsOnly(201);
            assertThat(system.jdbc().sql("""
                                         SELECT count(*) FROM event_store.domain_event_entry
                                         WHERE aggregate_identifier = ? AND payload_type LIKE '%DecisionApprovedEvent'
                                         """).param(decision).query(Long.class).single())
                    .isEqualTo(1);

            Http queries = queryA.http();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(queries.get("viewer", "/api/programs/SCALE/decisions")
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(41));
            await().atMost(Duration.ofSeconds(10)).until(() -> historyRows(system) == 42);
            assertThat(queryB.http()
                            .get("viewer", "/api/programs/SCALE/decisions?status=APPROVED")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            // every segment is claimed by exactly one instance; the other stands by
            assertThat(system.jdbc()
                            .sql("SELECT count(*) FROM projections.token_entry WHERE processor_name = 'decisions'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);

            // when the instance that holds the segments stops, the other takes them over and goes on
            List<String> owners = system.jdbc()
                    .sql("SELECT DISTINCT owner FROM projections.token_entry "
                            + "WHERE processor_name = 'decisions' AND owner IS NOT NULL")
                    .query(String.class)
                    .list();
            assertThat(owners).hasSize(1);
            Service holder = owners.get(0).equals(queryA.nodeId()) ? queryA : queryB;
            assertThat(holder.nodeId()).isEqualTo(owners.get(0));
            Service standby = holder == queryA ? queryB : queryA;
            system.stop(holder);
            second.post("pmo", "/api/programs/SCALE/decisions", Bodies.decision("After failover"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(standby.http()
                                    .get("viewer", "/api/programs/SCALE/decisions")
                                    .json()
                                    .path("total")
                                    .asLong())
                            .isEqualTo(42));
            assertThat(historyRows(system)).isEqualTo(43);
        }
    }

    @Test
    void twoCommandServicesTakeTurnsOnCachedRecordsWithoutDecidingOnStaleState() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http first = system.startCommandService().http();
            Http second = system.startCommandService().http();
            BudgetFixture budget = new BudgetFixture(first, "TURNS")
                    .line("L1", "Infrastructure", "CAPEX", 2026)
                    .delegation("cfo", "1000000");
            // a load balancer sending requests to each instance in turn: each one's cached budget is
            // always one write behind, and the lost race is retried on fresh state
            for (int i = 0; i < 20; i++) {
                Http target = i % 2 == 0 ? first : second;
                Http.Response response = target.post("cfo", budget.path("/movements"), """
                        {"kind": "ALLOCATION", "lineId": "L1", "amount": 100, "currency": "EUR", "reason": "turn %d"}""".formatted(i));
                assertThat(response.status()).as(response.body()).isEqualTo(201);
            }
            assertThat(system.jdbc()
                            .sql("""
                                         SELECT count(*) FROM event_store.domain_event_entry
                                         WHERE aggregate_identifier = ? AND payload_type LIKE '%MovementBookedEvent'
                                         """)
                            .param(budget.program + "/budget")
                            .query(Long.class)
                            .single())
                    .isEqualTo(20);
            // a refusal decided on one instance's stale cache is retried on fresh state: the movement
            // requested through the second instance is found and approved through the first
            Http.Response pending = second.post("finance", budget.path("/movements"), """
                    {"kind": "ALLOCATION", "lineId": "L1", "amount": 5000000, "currency": "EUR", "reason": "big"}""");
            assertThat(pending.text("status")).as(pending.body()).isEqualTo("PENDING");
            Http.Response approved =
                    first.post("cfo", budget.path("/movements/" + pending.text("id") + "/approve"), "{}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(409);
            assertThat(approved.text("rule"))
                    .as("refused for the right reason, not as unknown")
                    .isEqualTo("limit-too-low");

            // a decision cached by the second instance, approved through the first: superseding it
            // through the second is decided on the approved decision, not refused on the stale one
            String decisions = "/api/programs/" + budget.program + "/decisions";
            String decision =
                    second.post("pmo", decisions, Bodies.decision("Cached")).text("id");
            assertThat(first.post("pmo", decisions + "/" + decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response superseding = second.post(
                    "pmo",
                    decisions + "/" + decision + "/supersede",
                    Bodies.decision("Replacement", "\"2026-04-14\"", "\"2026-09-01\""));
            assertThat(superseding.status()).as(superseding.body()).isEqualTo(201);

            // a decision the second instance holds as approved, revoked through the first: the second
            // accepts no movement it authorises, though nothing it writes touches the decision
            String authorising =
                    second.post("pmo", decisions, Bodies.decision("Authorises")).text("id");
            assertThat(second.post("pmo", decisions + "/" + authorising + "/approve", "{\"decidedOn\": \"2026-03-10\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(first.post(
                                    "pmo",
                                    decisions + "/" + authorising + "/revoke",
                                    "{\"revokedOn\": \"2026-05-01\", \"reason\": \"Withdrawn\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response unauthorised = second.post("cfo", budget.path("/movements"), """
                    {"kind": "ALLOCATION", "lineId": "L1", "amount": 100, "currency": "EUR", "reason": "r",
                     "authorisingReference": "%s"}""".formatted(authorising));
            assertThat(unauthorised.status()).as(unauthorised.body()).isEqualTo(400);
            assertThat(unauthorised.json().path("errors").get(0).path("rule").asString())
                    .isEqualTo("approved-decision-required");

            // the program, cached by the second instance, closed through the first: the second takes no
            // more records into it, though nothing it writes touches the program
            assertThat(first.post(
                                    "pmo",
                                    "/api/programs/" + budget.program + "/close",
                                    "{\"closedOn\": \"2026-06-30\", \"reason\": \"Program completed\"}")
                            .status())
                    .isEqualTo(200);
            Http.Response late = second.post("pmo", decisions, Bodies.decision("Too late"));
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.text("rule")).isEqualTo("program-closed");
        }
    }

    private static List<String> record(Http commands, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(commands.post("pmo", "/api/programs/RST/decisions", Bodies.decision("Decision " + i))
                    .text("id"));
        }
        return ids;
    }

    private static long historyRows(LedgerSystem system) {
        return system.jdbc()
                .sql("SELECT count(*) FROM projections.decision_fact")
                .query(Long.class)
                .single();
    }
}
