package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A finance controller runs a program's budget over HTTP; the read side agrees with a computation of our own. */
class BudgetEndToEndTest {

    private static LedgerSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void start() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
    }

    /** An independent model of the balances: the expected figures, computed without the ledger's code. */
    private static final class Expected {
        final Map<String, BigDecimal[]> lines = new HashMap<>(); // allocated, committed, actual, forecast
        final Map<String, BigDecimal> openCommitments = new HashMap<>();
        final Map<String, String> commitmentLine = new HashMap<>();

        BigDecimal[] line(String id) {
            return lines.computeIfAbsent(
                    id, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }

        BigDecimal available(String id) {
            BigDecimal[] l = line(id);
            return l[0].subtract(l[1]).subtract(l[2]);
        }
    }

    @Test
    void aYearOfMovementsBalancesToTheCentWithAnIndependentComputation() {
        BudgetFixture budget = new BudgetFixture(commands, "YEAR")
                .line("INFRA-CAPEX", "Infrastructure", "CAPEX", 2026)
                .line("INFRA-OPEX", "Infrastructure", "OPEX", 2026)
                .line("APPS-CAPEX", "Applications", "CAPEX", 2026)
                .line("APPS-OPEX", "Applications", "OPEX", 2026)
                .policy("500000")
                .delegation("finance", "100000")
                .delegation("controller", "1500000")
                .delegation("cfo", "2000000");
        List<String> lines = List.of("INFRA-CAPEX", "INFRA-OPEX", "APPS-CAPEX", "APPS-OPEX");
        Expected expected = new Expected();
        Random random = new Random(20260101L);
        int pendingApproved = 0;

        for (String line : lines) {
            BigDecimal amount = new BigDecimal("1200000.00");
            Http.Response allocation =
                    budget.move("finance", "ALLOCATION", line, null, amount, null, null, "2026-01-05");
            assertThat(allocation.text("status")).as(allocation.body()).isEqualTo("PENDING");
            String id = allocation.text("id");
            // above four eyes: two approvers, neither the requester
            assertThat(commands.post("controller", budget.path("/movements/" + id + "/approve"), "{}")
                            .text("status"))
                    .isEqualTo("PENDING");
            assertThat(commands.post("cfo", budget.path("/movements/" + id + "/approve"), "{}")
                            .text("status"))
                    .isEqualTo("BOOKED");
            expected.line(line)[0] = expected.line(line)[0].add(amount);
        }

        int po = 0;
        int invoice = 0;
        for (int month = 1; month <= 12; month++) {
            String date = LocalDate.of(2026, month, 15).toString();
            for (int i = 0; i < 12; i++) {
                String line = lines.get(random.nextInt(lines.size()));
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(15_000_000) + 1, 2); // 0.01 .. 150000.00
                int choice = random.nextInt(10);
                Http.Response response;
                if (choice < 3 && expected.available(line).compareTo(amount) >= 0) {
                    String reference = "PO-" + (++po);
                    response = budget.move("finance", "COMMITMENT", line, null, amount, reference, null, date);
                    expected.openCommitments.put(reference, amount);
                    expected.commitmentLine.put(reference, line);
                    expected.line(line)[1] = expected.line(line)[1].add(amount);
                } else if (choice < 6 && !expected.openCommitments.isEmpty()) {
                    String reference = expected.openCommitments.keySet().stream()
                            .sorted()
                            .findFirst()
                            .orElseThrow();
                    String onLine = expected.commitmentLine.get(reference);
                    BigDecimal open = expected.openCommitments.get(reference);
                    BigDecimal invoiced = open.multiply(BigDecimal.valueOf(random.nextInt(120) + 1))
                            .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN)
                            .max(new BigDecimal("0.01"));
                    BigDecimal consumed = invoiced.min(open);
                    if (expected.available(onLine).compareTo(invoiced.subtract(consumed)) < 0) {
                        continue;
                    }
                    response = budget.move(
                            "finance", "ACTUAL", onLine, null, invoiced, "INV-" + (++invoice), reference, date);
                    expected.openCommitments.put(reference, open.subtract(consumed));
                    if (expected.openCommitments.get(reference).signum() == 0) {
                        expected.openCommitments.remove(reference);
                    }
                    expected.line(onLine)[1] = expected.line(onLine)[1].subtract(consumed);
                    expected.line(onLine)[2] = expected.line(onLine)[2].add(invoiced);
                    line = onLine;
                } else if (choice < 8) {
                    String to = lines.get((lines.indexOf(line) + 1 + random.nextInt(3)) % lines.size());
                    if (expected.available(line).compareTo(amount) < 0) {
                        continue;
                    }
                    response = budget.move("finance", "TRANSFER", line, to, amount, null, null, date);
                    expected.line(line)[0] = expected.line(line)[0].subtract(amount);
                    expected.line(to)[0] = expected.line(to)[0].add(amount);
                } else if (choice < 9 && !expected.openCommitments.isEmpty()) {
                    String reference = expected.openCommitments.keySet().stream()
                            .sorted()
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    BigDecimal open = expected.openCommitments.remove(reference);
                    line = expected.commitmentLine.get(reference);
                    response = budget.move("finance", "RELEASE", line, null, open, null, reference, date);
                    expected.line(line)[1] = expected.line(line)[1].subtract(open);
                } else {
                    BigDecimal eac =
                            expected.line(line)[2].add(expected.line(line)[1]).add(amount);
                    response = budget.move("finance", "REFORECAST", line, null, eac, null, null, date);
                    expected.line(line)[3] = eac;
                }
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                if (response.text("status").equals("PENDING")) {
                    // over the requester's 100000: the controller approves
                    Http.Response approval = commands.post(
                            "controller",
                            budget.path("/movements/" + response.text("id") + "/approve"),
                            "{\"reason\": \"Checked against the plan\"}");
                    assertThat(approval.text("status")).as(approval.body()).isEqualTo("BOOKED");
                    pendingApproved++;
                }
            }
        }
        assertThat(pendingApproved).isGreaterThan(10);

        // an impossible movement is refused and changes nothing
        BigDecimal tooMuch = expected.available("APPS-OPEX").add(new BigDecimal("0.01"));
        Http.Response refused =
                budget.move("cfo", "COMMITMENT", "APPS-OPEX", null, tooMuch, "PO-TOO-MUCH", null, "2026-12-20");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("rule")).isEqualTo("insufficient-available");

        long movements = system.jdbc()
                .sql("""
                                           SELECT count(*) FROM event_store.domain_event_entry
                                           WHERE aggregate_identifier = ? AND payload_type LIKE '%MovementBookedEvent'
                                           """)
                .param(budget.program + "/budget")
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                queries.get("auditor", budget.path("/movements?status=BOOKED&limit=1&asOf=2026-12-31"))
                                        .json()
                                        .path("total")
                                        .asLong())
                        .isEqualTo(movements));

        // the whole fiscal year, December included (today's view leaves out what takes effect later)
        JsonNode view = queries.get("auditor", budget.path("?asOf=2026-12-31")).json();
        BigDecimal allocatedTotal = BigDecimal.ZERO;
        for (JsonNode line : view.path("lines")) {
            BigDecimal[] model = expected.line(line.path("lineId").asString());
            JsonNode balance = line.path("balance");
            assertThat(balance.path("allocated").decimalValue()).as("allocated").isEqualByComparingTo(model[0]);
            assertThat(balance.path("committed").decimalValue()).as("committed").isEqualByComparingTo(model[1]);
            assertThat(balance.path("actual").decimalValue()).as("actual").isEqualByComparingTo(model[2]);
            assertThat(balance.path("available").decimalValue())
                    .as("available")
                    .isEqualByComparingTo(model[0].subtract(model[1]).subtract(model[2]));
            assertThat(balance.path("available").decimalValue().signum()).isGreaterThanOrEqualTo(0);
            if (model[3].signum() > 0) {
                assertThat(balance.path("forecast").decimalValue())
                        .as("forecast")
                        .isEqualByComparingTo(model[3]);
                assertThat(balance.path("variance").decimalValue()).isEqualByComparingTo(model[0].subtract(model[3]));
            }
            allocatedTotal = allocatedTotal.add(model[0]);
        }
        // transfers moved money but created none: the program still holds what was allocated
        assertThat(allocatedTotal).isEqualByComparingTo("4800000.00");
        assertThat(view.path("total").path("allocated").decimalValue()).isEqualByComparingTo("4800000.00");
        assertThat(view.path("byCategory")).hasSize(2);
        assertThat(view.path("byFiscalYear").get(0).path("fiscalYear").asInt()).isEqualTo(2026);

        String csv = queries.get("auditor", budget.path("/movements.csv?asOf=2026-12-31"))
                .body();
        assertThat(csv.split("\r\n")).hasSize((int) movements + 1);
        assertThat(csv).startsWith("movement_id,status,kind,line_id");
    }

    @Test
    void anOverLimitTransferWaitsForTheRightApproverAndIsRefusedToTheRequester() {
        BudgetFixture budget = new BudgetFixture(commands, "APPROVAL")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .line("L2", "Operations", "OPEX", 2026)
                .delegation("finance", "100000")
                .delegation("controller", "50000")
                .delegation("cfo", "1000000");
        assertThat(budget.move("cfo", "ALLOCATION", "L1", null, new BigDecimal("400000"), null, null, "2026-01-10")
                        .text("status"))
                .isEqualTo("BOOKED");

        Http.Response transfer =
                budget.move("finance", "TRANSFER", "L1", "L2", new BigDecimal("150000"), null, null, "2026-02-01");
        assertThat(transfer.status()).isEqualTo(201);
        assertThat(transfer.text("status")).isEqualTo("PENDING");
        String id = transfer.text("id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> waiting = queries.get("cfo", "/api/pending-approvals?programId=" + budget.program)
                    .json()
                    .valueStream()
                    .toList();
            assertThat(waiting)
                    .extracting(movement -> movement.path("movementId").asString())
                    .containsExactly(id);
        });
        // the requester and an approver with too low a limit see nothing waiting for them
        assertThat(queries.get("finance", "/api/pending-approvals?programId=" + budget.program)
                        .json()
                        .size())
                .isZero();
        assertThat(queries.get("viewer", "/api/pending-approvals?approver=controller&programId=" + budget.program)
                        .json()
                        .size())
                .isZero();
        // pending: the balances have not moved
        assertThat(queries.get("viewer", budget.path(""))
                        .json()
                        .path("lines")
                        .get(0)
                        .path("balance")
                        .path("allocated")
                        .decimalValue())
                .isEqualByComparingTo("400000");

        Http.Response self = commands.post("finance", budget.path("/movements/" + id + "/approve"), "{}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.text("rule")).isEqualTo("self-approval");
        Http.Response tooLow = commands.post("controller", budget.path("/movements/" + id + "/approve"), "{}");
        assertThat(tooLow.status()).isEqualTo(409);
        assertThat(tooLow.text("rule")).isEqualTo("limit-too-low");
        Http.Response viewer = commands.post("viewer", budget.path("/movements/" + id + "/approve"), "{}");
        assertThat(viewer.status()).isEqualTo(403);

        java.time.Instant beforeApproval = java.time.Instant.now();
        Http.Response approved = commands.post(
                "cfo",
                budget.path("/movements/" + id + "/approve"),
                "{\"reason\": \"Reallocation agreed in SC-2026-02\"}");
        assertThat(approved.text("status")).isEqualTo("BOOKED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode movement =
                    queries.get("auditor", budget.path("/movements/" + id)).json();
            assertThat(movement.path("status").asString()).isEqualTo("BOOKED");
            assertThat(movement.path("approvals").get(0).path("approver").asString())
                    .isEqualTo("cfo");
            assertThat(movement.path("approvals").get(0).path("reason").asString())
                    .isEqualTo("Reallocation agreed in SC-2026-02");
            assertThat(movement.path("entries")
                            .valueStream()
                            .map(e -> e.path("delta").decimalValue())
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("0");
        });
        JsonNode lines = queries.get("viewer", budget.path("")).json().path("lines");
        assertThat(lines.get(0).path("balance").path("allocated").decimalValue())
                .isEqualByComparingTo("250000");
        assertThat(lines.get(1).path("balance").path("allocated").decimalValue())
                .isEqualByComparingTo("150000");
        // on the other clocks: before the transfer took effect (1 February), and before it was booked
        assertThat(queries.get("viewer", budget.path("?asOf=2026-01-31"))
                        .json()
                        .path("lines")
                        .get(0)
                        .path("balance")
                        .path("allocated")
                        .decimalValue())
                .isEqualByComparingTo("400000");
        JsonNode known =
                queries.get("viewer", budget.path("?knownAt=" + beforeApproval)).json();
        assertThat(known.path("knownAt").asString())
                .as("to the microsecond")
                .isEqualTo(beforeApproval
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .toString());
        assertThat(known.path("lines").get(0).path("balance").path("allocated").decimalValue())
                .isEqualByComparingTo("400000");
        assertThat(queries.get("viewer", budget.path("?asOf=2026-13-01")).status())
                .isEqualTo(400);
        assertThat(queries.get("viewer", budget.path("?knownAt=yesterday")).status())
                .isEqualTo(400);

        // why L1 stands at 250000: the allocation, then the transfer finance asked for and the CFO approved
        JsonNode lineage =
                queries.get("auditor", budget.path("/lines/L1/lineage")).json();
        List<JsonNode> steps = lineage.path("steps").valueStream().toList();
        assertThat(steps).extracting(step -> step.path("kind").asString()).containsExactly("ALLOCATION", "TRANSFER");
        assertThat(steps.get(1).path("delta").decimalValue()).isEqualByComparingTo("-150000");
        assertThat(steps.get(1).path("requestedBy").asString()).isEqualTo("finance");
        assertThat(steps.get(1).path("approvedBy").get(0).asString()).isEqualTo("cfo");
        assertThat(steps.get(1).path("balanceAfter").path("allocated").decimalValue())
                .isEqualByComparingTo("250000");
        assertThat(lineage.path("current").path("available").decimalValue()).isEqualByComparingTo("250000");
        assertThat(queries.get("auditor", budget.path("/lines/NOPE/lineage")).status())
                .isEqualTo(404);

        Http.Response again = commands.post("cfo", budget.path("/movements/" + id + "/approve"), "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("rule")).isEqualTo("movement-booked");
    }

    @Test
    void aMovementNobodyDecidesExpiresThroughItsStoredDeadline() {
        BudgetFixture budget = new BudgetFixture(commands, "EXPIRY")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .delegation("cfo", "1000000");
        Http.Response pending =
                budget.move("finance", "ALLOCATION", "L1", null, new BigDecimal("5000"), null, null, "2026-03-01");
        assertThat(pending.text("status")).isEqualTo("PENDING");
        String id = pending.text("id");
        // the approval window's deadline was stored with the request, in PostgreSQL
        String deadline = system.jdbc()
                .sql("SELECT task_instance FROM command.scheduled_tasks "
                        + "WHERE position(? in encode(task_data, 'escape')) > 0")
                .param(id)
                .query(String.class)
                .single();
        // bring the window's end forward instead of waiting thirty days
        system.jdbc()
                .sql("UPDATE command.scheduled_tasks SET execution_time = now() WHERE task_instance = ?")
                .param(deadline)
                .update();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(queries.get("auditor", budget.path("/movements/" + id))
                                .text("status"))
                        .isEqualTo("EXPIRED"));
        Http.Response late = commands.post("cfo", budget.path("/movements/" + id + "/approve"), "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("rule")).isEqualTo("movement-expired");
    }

    /** The fuzzer's case: a transfer dated before the allocation it spends broke the balance on earlier dates. */
    @Test
    void availableNeverGoesBelowZeroOnAnyEffectiveDate() {
        BudgetFixture budget = new BudgetFixture(commands, "DATED")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .line("L2", "Operations", "OPEX", 2026)
                .delegation("controller", "1000000");
        assertThat(budget.move("controller", "ALLOCATION", "L1", null, new BigDecimal("1000"), null, null, "2026-12-01")
                        .status())
                .isEqualTo(201);
        long before = system.storedEvents();
        Http.Response backDated =
                budget.move("controller", "TRANSFER", "L1", "L2", new BigDecimal("1000"), null, null, "2026-01-15");
        assertThat(backDated.status()).as(backDated.body()).isEqualTo(409);
        assertThat(backDated.json().path("rule").asString()).isEqualTo("insufficient-available-on-date");
        Http.Response outside =
                budget.move("controller", "ALLOCATION", "L1", null, new BigDecimal("10"), null, null, "2099-01-01");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("rule").asString()).isEqualTo("outside-program-period");
        assertThat(system.storedEvents()).isEqualTo(before);

        Http.Response committed =
                budget.move("controller", "COMMITMENT", "L1", null, new BigDecimal("400"), "PO-9", null, "2026-12-10");
        assertThat(committed.status()).isEqualTo(201);
        Http.Response early =
                budget.move("controller", "RELEASE", "L1", null, new BigDecimal("100"), null, "PO-9", "2026-12-09");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("rule").asString()).isEqualTo("before-commitment");
        Http.Response onTime =
                budget.move("controller", "TRANSFER", "L1", "L2", new BigDecimal("600"), null, null, "2026-12-01");
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(201);

        Map<String, String> readAfter = Map.of("Ledger-Read-After", onTime.header("Ledger-Event-Id"));
        for (String asOf : java.util.List.of("2026-06-30", "2026-12-01", "2026-12-10", "2026-12-31")) {
            JsonNode view = queries.get("auditor", budget.path("?asOf=" + asOf), readAfter)
                    .json();
            for (JsonNode line : view.path("lines")) {
                assertThat(line.path("balance").path("available").decimalValue())
                        .as(asOf + " " + line)
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO);
            }
        }
    }

    @Test
    void budgetInputIsCheckedAndRefusalsStoreNothing() {
        BudgetFixture budget = new BudgetFixture(commands, "BADBUDGET")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .delegation("cfo", "1000000");
        long before = system.storedEvents();
        record Case(String user, String path, String body, int status, String field, String rule) {}
        for (Case c : List.of(
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": -5, \"currency\": \"EUR\", \"reason\": \"r\"}",
                        400,
                        "amount",
                        "range"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": 10.005, \"currency\": \"EUR\", \"reason\": \"r\"}",
                        400,
                        "amount",
                        "range"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": \"ten\", \"currency\": \"EUR\", \"reason\": \"r\"}",
                        400,
                        "amount",
                        "type"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": 10, \"currency\": \"USD\", \"reason\": \"r\"}",
                        400,
                        "amount",
                        "currency-mismatch"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"GIFT\", \"lineId\": \"L1\", \"amount\": 10, \"currency\": \"EUR\", \"reason\": \"r\"}",
                        400,
                        "kind",
                        "format"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"NOPE\", \"amount\": 10, \"currency\": \"EUR\", \"reason\": \"r\"}",
                        404,
                        "lineId",
                        "unknown-line"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": 10, \"currency\": \"EUR\"}",
                        400,
                        "reason",
                        "required"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"REDUCTION\", \"lineId\": \"L1\", \"amount\": 10, \"currency\": \"EUR\", \"reason\": \"r\"}",
                        409,
                        null,
                        "insufficient-available"),
                new Case(
                        "cfo",
                        "/movements",
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"amount\": 10, \"currency\": \"EUR\", \"reason\": \"r\", \"authorisingReference\": \"not-a-decision\"}",
                        400,
                        "authorisingReference",
                        "approved-decision-required"),
                new Case(
                        "cfo",
                        "/lines",
                        "{\"lineId\": \"L2\", \"workstream\": \"x\", \"category\": \"CAPEX\", \"fiscalYear\": 2050}",
                        400,
                        "fiscalYear",
                        "within-program"),
                new Case(
                        "cfo",
                        "/lines",
                        "{\"lineId\": \"L1\", \"workstream\": \"x\", \"category\": \"CAPEX\", \"fiscalYear\": 2026}",
                        409,
                        null,
                        "line-exists"),
                new Case(
                        "cfo",
                        "/delegations",
                        "{\"holder\": \"cfo\", \"maxAmount\": 5, \"currency\": \"EUR\", \"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", \"reason\": \"r\"}",
                        400,
                        "holder",
                        "not-to-yourself"),
                new Case(
                        "cfo",
                        "/delegations",
                        "{\"holder\": \" finance\", \"maxAmount\": 5, \"currency\": \"EUR\", \"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", \"reason\": \"r\"}",
                        400,
                        "holder",
                        "format"),
                new Case(
                        "cfo",
                        "/delegations",
                        "{\"holder\": \"finance\", \"maxAmount\": 5, \"currency\": \"EUR\", \"validFrom\": \"2026-12-31\", \"validTo\": \"2026-01-01\", \"reason\": \"r\"}",
                        400,
                        "validTo",
                        "to-after-from"),
                new Case(
                        "pmo",
                        "/lines",
                        "{\"lineId\": \"L3\", \"workstream\": \"x\", \"category\": \"CAPEX\", \"fiscalYear\": 2026}",
                        403,
                        null,
                        "role-required"),
                new Case("auditor", "/movements", "{}", 403, null, "role-required"))) {
            Http.Response response = commands.post(c.user(), budget.path(c.path()), c.body());
            assertThat(response.status()).as(c + " -> " + response.body()).isEqualTo(c.status());
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("rule")).as(response.body()).isEqualTo(c.rule());
            if (c.field() != null) {
                assertThat(response.json().path("errors").get(0).path("field").asString())
                        .isEqualTo(c.field());
            }
        }
        assertThat(system.storedEvents()).isEqualTo(before);
        assertThat(queries.get("viewer", "/api/programs/NOPE/budget").status()).isEqualTo(404);
        assertThat(queries.get("viewer", budget.path("/movements?status=DONE")).status())
                .isEqualTo(400);
    }
}
