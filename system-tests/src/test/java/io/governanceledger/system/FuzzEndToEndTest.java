package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded fuzzer over every write and read endpoint, bounded in requests and time: valid requests
 * with one field replaced by a hostile, extreme, mistyped or oversized value, and raw mutations of the
 * body (a key twice, cut short, nested deep). Every answer is below 500; every refusal is problem+json
 * with a rule and stores nothing (unless the business keeps the refusal on record, which names its
 * event); and afterwards every read model has taken in every event it accepted (health UP, all caught
 * up). Hostile values the edge accepts (scripts, emoji, combining marks, boundary dates) are projected
 * like any other. {@code -Dfuzz.seed=N} and {@code -Dfuzz.requests=N} repeat or widen a run.
 */
class FuzzEndToEndTest {

    /** Non-ASCII written as escapes, so a lone surrogate reaches the server as the JSON escape it is. */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 700);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(Long.getLong("fuzz.seconds", 120L));

    /** Values written as JSON: refused ones and ones the edge lets through. */
    private static final List<String> VALUES = List.of(
            "\"a\\u0000b\"",
            "\"a\\ud800b\"",
            "\"\\udc00\"",
            "\"bell\\u0007\"",
            "\"esc\\u001b[31m\"",
            "\"del\\u007f\"",
            "\"c1\\u0085\"",
            "\"\\uffff\"",
            "\"\\ufdd0\"",
            "\"line\\nbreak\"",
            "\"tab\\there\"",
            "\"\"",
            "\"   \"",
            "\"" + "x".repeat(10_001) + "\"",
            "\"=cmd|' /C calc'!A0\"",
            "\"x;=1+1\"",
            "\"\\uff1dSUM(A1)\"",
            "\"Caf\\u0065\\u0301\"",
            "\"\\u202eevil\\u202c\"",
            "\"\\ud83d\\ude00 \\u4e2d\\u6587 \\u0639\\u0631\\u0628\\u064a\"",
            "\"' OR 1=1 --\"",
            "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"",
            "\"%00\"",
            "0",
            "-1",
            "1.5",
            "1e3",
            "2e0",
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "99999999999999.99",
            "0.001",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[\"a\"]",
            "{\"a\": 1}",
            "\"+999999999-12-31\"",
            "\"-999999999-01-01\"",
            "\"2026-02-30\"",
            "\"1899-12-31\"",
            "\"1900-01-01\"",
            "\"2199-12-31\"",
            "\"2200-01-01\"",
            "\"2026-01-01T00:00:00\"",
            "\"2026-01-01T00:00:00Z\"",
            "\"+1000000000-12-31T23:59:59.999999999Z\"",
            "\"-1000000000-01-01T00:00:00Z\"",
            "\"2199-12-31T23:59:59Z\"",
            "\"ALLOCATION \"",
            "\"allocation\"",
            "\"TRANSFER\"",
            "\"CAPEX\"",
            "\"EUR\"",
            "\"eur\"",
            "\"XYZ\"");

    private static final List<String> PARAMETER_VALUES = List.of(
            "abc",
            "a\u0000b",
            "\u0007",
            "2026-02-30",
            "+999999999-12-31",
            "-1000000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z",
            "0001-01-01",
            "9999-12-31",
            "10000-01-01",
            "1899-12-31T00:00:00Z",
            "2026-03-10",
            "2026-03-10T12:00:00Z",
            "-1",
            "0",
            "1001",
            "99999999999",
            "1.5",
            "BOOKED",
            "FOO",
            "ALLOCATION",
            "allocation ",
            "x".repeat(5_000),
            "' OR 1=1 --",
            "\ud83d\ude00",
            "\uff1d");

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private LedgerSystem system;
    private Http commands;
    private Http queries;

    private record Template(String user, String path, String body) {}

    @Test
    void noRequestBreaksTheLedgerAndEveryAcceptedEventIsProjected() throws Exception {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
        String program = "FUZZ-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/programs/" + program;
        BudgetFixture budget = new BudgetFixture(commands, "FUZZB");
        budget.line("L1", "Infrastructure", "CAPEX", 2026)
                .line("L2", "Operations", "OPEX", 2026)
                .delegation("controller", "1000000")
                .delegation("cfo", "1000000");
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                        .status())
                .isEqualTo(201);
        String decision = commands.post("pmo", base + "/decisions", Bodies.decision("Framework"))
                .text("id");
        assertThat(commands.post("pmo", base + "/decisions/" + decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}")
                        .status())
                .isEqualTo(200);
        String proposed = commands.post("pmo", base + "/decisions", Bodies.decision("To defer"))
                .text("id");
        String contract = base + "/contracts/"
                + commands.post("contracts", base + "/contracts", """
                {"reference": "FC-1", "title": "Framework", "supplier": "Acme", "regime": "CLASSIC", "type": "SERVICES",
                 "authority": "CENTRAL", "initialValue": 2000000.00, "currency": "EUR", "startDate": "2024-01-01",
                 "endDate": "2039-01-01", "indexation": {"indexName": "Agoria", "baseValue": 100},
                 "reviewClauses": [{"clauseId": "R1", "description": "Review", "maximumValue": 300000}],
                 "renewalNoticeDays": 180, "deMinimisCounting": "NET_CUMULATIVE"}""").text("id");
        String pending = budget.move(
                        "pmo", "ALLOCATION", "L1", null, new java.math.BigDecimal("5000"), null, null, "2026-06-01")
                .text("id");

        List<Template> writes = List.of(
                new Template("pmo", "/api/programs", Bodies.program("FZ-{n}")),
                new Template(
                        "pmo",
                        base + "/rename",
                        "{\"name\": \"Renamed\", \"reason\": \"Scope split\", \"effectiveAt\": \"2026-07-01T00:00:00Z\"}"),
                new Template("pmo", base + "/decisions", Bodies.decision("Fuzzed")),
                new Template(
                        "pmo",
                        base + "/decisions/" + decision + "/supersede",
                        Bodies.decision("Replacement", "\"2026-04-01\"", "null")),
                new Template(
                        "pmo",
                        base + "/decisions/" + proposed + "/defer",
                        "{\"decidedOn\": \"2026-03-10\", \"deferredUntil\": \"2026-06-01\", \"reason\": \"Later\"}"),
                new Template(
                        "finance",
                        budget.path("/lines"),
                        "{\"lineId\": \"L{n}\", \"workstream\": \"W\", \"category\": \"CAPEX\", \"fiscalYear\": 2026}"),
                new Template(
                        "finance",
                        budget.path("/policy"),
                        "{\"fourEyesThreshold\": 500000, \"approvalWindowDays\": 30, \"reason\": \"Policy\"}"),
                new Template(
                        "finance",
                        budget.path("/delegations"),
                        "{\"holder\": \"pmo\", \"maxAmount\": 1000, \"currency\": \"EUR\", \"lineIds\": [\"L1\"], "
                                + "\"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", \"reason\": \"DA\"}"),
                new Template(
                        "controller",
                        budget.path("/movements"),
                        "{\"kind\": \"ALLOCATION\", \"lineId\": \"L1\", \"toLineId\": null, \"amount\": 1000, "
                                + "\"currency\": \"EUR\", \"reference\": \"PO-{n}\", \"effectiveDate\": \"2026-06-01\", "
                                + "\"description\": \"d\", \"reason\": \"Allocation\"}"),
                new Template("cfo", budget.path("/movements/" + pending + "/approve"), "{\"reason\": \"OK\"}"),
                new Template("cfo", budget.path("/movements/" + pending + "/refuse"), "{\"reason\": \"No\"}"),
                new Template(
                        "contracts",
                        contract + "/index-values",
                        "{\"value\": 104.0, \"valueDate\": \"2025-01-01\", \"reason\": \"Index\"}"),
                new Template(
                        "contracts",
                        contract + "/call-offs",
                        "{\"reference\": \"Call-off {n}\", \"value\": 1000, \"placedOn\": \"2025-06-01\", \"reason\": \"Phase\"}"),
                new Template(
                        "contracts",
                        contract + "/amendments",
                        "{\"legalBasis\": \"DE_MINIMIS\", \"reviewClauseId\": null, \"valueDelta\": 100, "
                                + "\"scope\": \"Scope\", \"signatories\": [\"A. Peeters\"], \"signedOn\": \"2026-03-01\", "
                                + "\"effectiveFrom\": \"2026-03-01\", \"authorisingDecisionId\": \"" + decision
                                + "\", \"reason\": \"Amendment\"}"),
                new Template(
                        "contracts",
                        contract + "/renewal-notice",
                        "{\"choice\": \"RENEW\", \"sentOn\": \"2026-03-01\", \"reason\": \"Notice\"}"));
        List<String> reads = List.of(
                base,
                base + "/decisions",
                base + "/decisions/" + decision,
                base + "/audit-trail",
                budget.path(""),
                budget.path("/movements"),
                budget.path("/movements.csv"),
                budget.path("/movements/" + pending),
                budget.path("/lines/L1/lineage"),
                budget.path("/delegations"),
                "/api/pending-approvals",
                base + "/contracts",
                contract,
                base + "/reports/decision-register",
                "/api/programs");
        List<String> parameters = List.of(
                "asOf",
                "knownAt",
                "from",
                "to",
                "limit",
                "offset",
                "status",
                "kind",
                "lineId",
                "reference",
                "recordedFrom",
                "recordedTo",
                "effectiveFrom",
                "effectiveTo",
                "recordKind",
                "recordId",
                "actor",
                "correlationId",
                "format");

        Instant deadline = Instant.now().plus(TIME_LIMIT);
        int sent = 0;
        int accepted = 0;
        for (; sent < REQUESTS && Instant.now().isBefore(deadline); sent++) {
            if (random.nextInt(4) == 0) {
                read(reads.get(random.nextInt(reads.size())), parameters);
                continue;
            }
            Template template = writes.get(random.nextInt(writes.size()));
            String body = mutate(template.body().replace("{n}", Integer.toString(sent)));
            long before = system.storedEvents();
            Http.Response response = commands.post(template.user(), template.path(), body);
            count(response);
            String what = "POST " + template.path() + " " + shorten(body) + " -> " + shorten(response.body());
            assertThat(response.status()).as(what).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                assertThat(response.json().path("rule").asString()).as(what).isNotBlank();
                for (JsonNode error : response.json().path("errors")) {
                    assertThat(error.path("rule").asString()).as(what).isNotBlank();
                }
                if (response.header("Ledger-Event-Id") == null) {
                    assertThat(system.storedEvents()).as(what).isEqualTo(before);
                }
            } else {
                accepted++;
            }
        }

        long head = system.storedEvents();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode projections = queries.get("auditor", "/actuator/health")
                    .json()
                    .path("components")
                    .path("projections");
            assertThat(projections.path("status").asString())
                    .as(projections.toString())
                    .isEqualTo("UP");
            for (JsonNode readModel : projections.path("details")) {
                assertThat(readModel.path("committedPosition").asLong())
                        .as(projections.toString())
                        .isGreaterThanOrEqualTo(head);
            }
        });
        System.out.printf(
                "fuzz seed %d: %d requests, %d writes accepted, answers %s%n", SEED, sent, accepted, statuses);
        assertThat(accepted).as("the fuzzer also sends what the edge accepts").isPositive();
        assertThat(statuses.keySet()).contains(200, 201, 400);
    }

    private void read(String path, List<String> parameters) {
        StringBuilder query = new StringBuilder();
        for (int count = random.nextInt(3) + 1; count > 0; count--) {
            query.append(query.isEmpty() ? "?" : "&")
                    .append(parameters.get(random.nextInt(parameters.size())))
                    .append('=')
                    .append(URLEncoder.encode(
                            PARAMETER_VALUES.get(random.nextInt(PARAMETER_VALUES.size())), StandardCharsets.UTF_8));
        }
        Http.Response response = queries.get("auditor", path + query);
        count(response);
        String what = "GET " + path + shorten(query.toString()) + " -> " + shorten(response.body());
        assertThat(response.status()).as(what).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().path("rule").asString()).as(what).isNotBlank();
        }
    }

    /** One field replaced (top level or one level down), or the raw text bent. */
    private String mutate(String body) throws Exception {
        int choice = random.nextInt(10);
        if (choice == 0) {
            return switch (random.nextInt(5)) {
                case 0 -> body.substring(0, random.nextInt(body.length()));
                case 1 -> body.replaceFirst("\\{", "{\"reason\": \"first\", ");
                case 2 -> "[".repeat(2_000) + "]".repeat(2_000);
                case 3 -> body.replaceFirst("\"", "\"\u0000");
                default -> body + "}";
            };
        }
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        if (choice == 1) {
            node.set("unexpected" + random.nextInt(3), JSON.readTree(VALUES.get(random.nextInt(VALUES.size()))));
            return JSON.writeValueAsString(node);
        }
        List<String> fields = new ArrayList<>(node.propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        ObjectNode target = node;
        if (node.get(field) instanceof ObjectNode inner && !inner.isEmpty() && random.nextBoolean()) {
            List<String> innerFields = new ArrayList<>(inner.propertyNames());
            target = inner;
            field = innerFields.get(random.nextInt(innerFields.size()));
        }
        if (choice == 2) {
            target.remove(field);
        } else {
            target.set(field, JSON.readTree(VALUES.get(random.nextInt(VALUES.size()))));
        }
        return JSON.writeValueAsString(node);
    }

    private void count(Http.Response response) {
        statuses.merge(response.status(), 1, Integer::sum);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
