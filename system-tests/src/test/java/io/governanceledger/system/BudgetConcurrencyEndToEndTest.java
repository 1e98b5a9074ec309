package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sixteen clients hammer the same four lines with transfers and commitments until the money runs
 * short. No line ever ends below zero, the program's allocation is conserved, and every accepted
 * request is in the ledger exactly once.
 */
class BudgetConcurrencyEndToEndTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 125;

    @Test
    void parallelTransfersAndCommitmentsKeepEveryInvariant() throws Exception {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        BudgetFixture budget = new BudgetFixture(commands, "RACE")
                .line("A", "Infrastructure", "CAPEX", 2026)
                .line("B", "Infrastructure", "OPEX", 2026)
                .line("C", "Applications", "CAPEX", 2026)
                .line("D", "Applications", "OPEX", 2026)
                .delegation("cfo", "10000000");
        List<String> lines = List.of("A", "B", "C", "D");
        for (String line : lines) {
            assertThat(budget.move(
                                    "cfo",
                                    "ALLOCATION",
                                    line,
                                    null,
                                    new BigDecimal("250000.00"),
                                    null,
                                    null,
                                    "2026-01-02")
                            .text("status"))
                    .isEqualTo("BOOKED");
        }

        Map<String, BigDecimal> acceptedCommitments = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refusedForLackOfMoney = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int client = t;
            clients.add(pool.submit(() -> {
                Random random = new Random(client);
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    String from = lines.get(random.nextInt(4));
                    BigDecimal amount = BigDecimal.valueOf(random.nextInt(500_000) + 1, 2);
                    Http.Response response;
                    if (random.nextBoolean()) {
                        String to = lines.get((lines.indexOf(from) + 1 + random.nextInt(3)) % 4);
                        response = budget.move("cfo", "TRANSFER", from, to, amount, null, null, "2026-03-01");
                    } else {
                        String reference = "PO-" + client + "-" + i;
                        response = budget.move("cfo", "COMMITMENT", from, null, amount, reference, null, "2026-03-01");
                        if (response.status() == 201) {
                            acceptedCommitments.put(from + "/" + reference, amount);
                        }
                    }
                    if (response.status() == 201) {
                        accepted.add(response.text("id"));
                    } else if (response.status() == 409 && response.text("rule").equals("insufficient-available")) {
                        refusedForLackOfMoney.incrementAndGet();
                    } else {
                        unexpected.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        assertThat(unexpected).hasValue(0);
        assertThat(accepted.size() + refusedForLackOfMoney.get()).isEqualTo(THREADS * REQUESTS_PER_THREAD);
        assertThat(refusedForLackOfMoney.get())
                .as("the money ran short, so the limits were really tested")
                .isPositive();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queries.get("auditor", budget.path("/movements?limit=1"))
                                .json()
                                .path("total")
                                .asLong())
                        .isEqualTo(accepted.size() + 4));
        // every accepted request is in the ledger exactly once
        List<String> inLedger = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = queries.get("auditor", budget.path("/movements?limit=1000&offset=" + offset))
                    .json();
            page.path("movements")
                    .forEach(
                            movement -> inLedger.add(movement.path("movementId").asString()));
            if (page.path("movements").size() < 1000) {
                break;
            }
        }
        assertThat(inLedger)
                .doesNotHaveDuplicates()
                .hasSize(accepted.size() + 4)
                .containsAll(accepted);

        JsonNode view = queries.get("auditor", budget.path("")).json();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        for (JsonNode line : view.path("lines")) {
            assertThat(line.path("balance").path("available").decimalValue().signum())
                    .as(line.toString())
                    .isGreaterThanOrEqualTo(0);
            allocated = allocated.add(line.path("balance").path("allocated").decimalValue());
            committed = committed.add(line.path("balance").path("committed").decimalValue());
        }
        assertThat(allocated).isEqualByComparingTo("1000000.00");
        assertThat(committed)
                .isEqualByComparingTo(acceptedCommitments.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
