package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets a 4xx problem+json naming the field and the rule, and the event store
 * does not change.
 */
class BadInputEndToEndTest {

    private static LedgerSystem system;
    private static Http commands;
    private static Http queries;
    private static String program;
    private static String otherProgram;
    private static String proposed;
    private static String superseded;
    private static String revoked;

    @BeforeAll
    static void setUp() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
        program = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        otherProgram = program + "-X";
        commands.post("pmo", "/api/programs", Bodies.program(program));
        commands.post("pmo", "/api/programs", Bodies.program(otherProgram));
        proposed = recordDecision();
        superseded = recordDecision();
        approve(superseded);
        commands.post(
                "pmo",
                decisions() + "/" + superseded + "/supersede",
                Bodies.decision("Replacement", "\"2026-04-01\"", "null"));
        revoked = recordDecision();
        approve(revoked);
        commands.post(
                "pmo", decisions() + "/" + revoked + "/revoke", "{\"revokedOn\": \"2026-05-01\", \"reason\": \"r\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        queries.get("viewer", decisions()).json().path("total").asLong() == 4);
    }

    private static String decisions() {
        return "/api/programs/" + program + "/decisions";
    }

    private static String recordDecision() {
        return commands.post("pmo", decisions(), Bodies.decision("Subject")).text("id");
    }

    private static void approve(String decision) {
        commands.post("pmo", decisions() + "/" + decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}");
    }

    static Stream<Arguments> commandsRefused() {
        String validProgram =
                Bodies.program("NEW-" + UUID.randomUUID().toString().substring(0, 8));
        String tomorrow = LocalDate.now().plusDays(2).toString();
        return Stream.of(
                arguments("malformed JSON", "/api/programs", "{\"programId\": \"X\", ", 400, null, "malformed-json"),
                arguments("no body", "/api/programs", "", 400, null, "body-required"),
                arguments(
                        "missing name",
                        "/api/programs",
                        validProgram.replace("\"name\": \"Airport automation\",", ""),
                        400,
                        "name",
                        "required"),
                arguments(
                        "blank sponsor",
                        "/api/programs",
                        validProgram.replace("Chief Operating Officer", "   "),
                        400,
                        "sponsor",
                        "required"),
                arguments(
                        "oversize name",
                        "/api/programs",
                        validProgram.replace("Airport automation", "x".repeat(201)),
                        400,
                        "name",
                        "size"),
                arguments(
                        "unknown field",
                        "/api/programs",
                        validProgram.replace("{", "{\"budget\": 5, "),
                        400,
                        "budget",
                        "unknown-field"),
                arguments(
                        "number for text",
                        "/api/programs",
                        validProgram.replace("\"Airport automation\"", "42"),
                        400,
                        "name",
                        "type"),
                arguments(
                        "boolean for a date",
                        "/api/programs",
                        validProgram.replace("\"2024-01-01\"", "true"),
                        400,
                        "startDate",
                        "type"),
                arguments(
                        "impossible date",
                        "/api/programs",
                        validProgram.replace("2024-01-01", "2024-02-30"),
                        400,
                        "startDate",
                        "format"),
                arguments(
                        "end before start",
                        "/api/programs",
                        validProgram.replace("2039-01-01", "2023-01-01"),
                        400,
                        "plannedEndDate",
                        "end-after-start"),
                arguments(
                        "unknown currency",
                        "/api/programs",
                        validProgram.replace("EUR", "XYZ"),
                        400,
                        "currency",
                        "iso-4217"),
                arguments(
                        "lower-case currency",
                        "/api/programs",
                        validProgram.replace("EUR", "eur"),
                        400,
                        "currency",
                        "format"),
                arguments(
                        "malformed program id",
                        "/api/programs",
                        validProgram.replaceFirst("NEW-", "NEW /"),
                        400,
                        "programId",
                        "format"),
                arguments(
                        "unknown program",
                        "/api/programs/NO-SUCH-PROGRAM/decisions",
                        Bodies.decision("x"),
                        404,
                        "programId",
                        "unknown-program"),
                arguments(
                        "no options",
                        decisions(),
                        Bodies.decision("x").replaceAll("\"options\": \\[[^]]*]", "\"options\": []"),
                        400,
                        "options",
                        "required"),
                arguments(
                        "unknown link kind",
                        decisions(),
                        Bodies.decision("x").replace("CHANGE_REQUEST", "MEMO"),
                        400,
                        "links[0].kind",
                        "format"),
                arguments(
                        "chosen option not considered",
                        decisions(),
                        Bodies.decision("x").replace("\"chosenOption\": \"B\"", "\"chosenOption\": \"C\""),
                        400,
                        "chosenOption",
                        "known-option"),
                arguments(
                        "oversize context",
                        decisions(),
                        Bodies.decision("x").replace("The hosting contract ends in 2026.", "c".repeat(10_001)),
                        400,
                        "context",
                        "size"),
                arguments(
                        "quorum of zero",
                        decisions(),
                        Bodies.decision("x").replace("\"quorum\": 2", "\"quorum\": 0"),
                        400,
                        "quorum",
                        "range"),
                arguments(
                        "quorum not met",
                        decisions(),
                        Bodies.decision("x").replace("\"quorum\": 2", "\"quorum\": 5"),
                        400,
                        "quorum",
                        "quorum"),
                arguments(
                        "effective before decided",
                        decisions(),
                        Bodies.decision("x", "\"2026-03-10\"", "\"2026-03-01\""),
                        400,
                        "effectiveFrom",
                        "effective-not-before-decision"),
                arguments(
                        "decided in the future",
                        decisions() + "/" + proposedId() + "/approve",
                        "{\"decidedOn\": \"" + tomorrow + "\"}",
                        400,
                        "decidedOn",
                        "not-in-future"),
                arguments(
                        "approval effective before decision",
                        decisions() + "/" + proposedId() + "/approve",
                        "{\"decidedOn\": \"2026-03-10\", \"effectiveFrom\": \"2026-03-09\"}",
                        400,
                        "effectiveFrom",
                        "effective-not-before-decision"),
                arguments(
                        "unknown decision",
                        decisions() + "/" + UUID.randomUUID() + "/approve",
                        "{\"decidedOn\": \"2026-03-10\"}",
                        404,
                        null,
                        "unknown-record"),
                arguments(
                        "decision of another program",
                        "/api/programs/" + otherProgram + "/decisions/" + proposedId() + "/approve",
                        "{\"decidedOn\": \"2026-03-10\"}",
                        404,
                        "decisionId",
                        "unknown-decision"),
                arguments(
                        "program id used as decision id",
                        decisions() + "/" + program + "/approve",
                        "{\"decidedOn\": \"2026-03-10\"}",
                        404,
                        null,
                        "unknown-record"),
                arguments(
                        "decision id used as program id",
                        "/api/programs/" + proposedId() + "/decisions",
                        Bodies.decision("x"),
                        404,
                        "programId",
                        "unknown-program"),
                arguments(
                        "supersede a superseded decision",
                        decisions() + "/" + supersededId() + "/supersede",
                        Bodies.decision("again", "\"2026-04-02\"", "null"),
                        409,
                        null,
                        "decision-superseded"),
                arguments(
                        "supersede a revoked decision",
                        decisions() + "/" + revokedId() + "/supersede",
                        Bodies.decision("again", "\"2026-05-02\"", "null"),
                        409,
                        null,
                        "decision-revoked"),
                arguments(
                        "revoke a proposed decision",
                        decisions() + "/" + proposedId() + "/revoke",
                        "{\"revokedOn\": \"2026-05-01\", \"reason\": \"r\"}",
                        409,
                        null,
                        "decision-proposed"),
                arguments(
                        "revoke without a reason",
                        decisions() + "/" + revokedId() + "/revoke",
                        "{\"revokedOn\": \"2026-05-01\"}",
                        400,
                        "reason",
                        "required"),
                arguments(
                        "supersede without a reason",
                        decisions() + "/" + supersededId() + "/supersede",
                        Bodies.decision("again", "\"2026-04-02\"", "null")
                                .replace("\"reason\": \"Steering committee SC-2026-03\"", "\"reason\": null"),
                        400,
                        "reason",
                        "required"),
                arguments(
                        "wrong value for an enum",
                        "/api/programs/" + program + "/decisions",
                        Bodies.decision("x").replace("\"CHANGE_REQUEST\"", "3"),
                        400,
                        "links[0].kind",
                        "type"),
                // what a fuzzer got stored before, each of which stalled or skipped a read model for good
                arguments(
                        "NUL in a name",
                        "/api/programs/" + program + "/rename",
                        "{\"name\": \"a\\u0000b\", \"reason\": \"r\"}",
                        400,
                        "name",
                        "control-character"),
                arguments(
                        "unpaired surrogate",
                        "/api/programs/" + program + "/rename",
                        "{\"name\": \"a\\ud800b\", \"reason\": \"r\"}",
                        400,
                        "name",
                        "unpaired-surrogate"),
                arguments(
                        "line break in a one-line field",
                        "/api/programs/" + program + "/rename",
                        "{\"name\": \"a\\nb\", \"reason\": \"r\"}",
                        400,
                        "name",
                        "control-character"),
                arguments(
                        "effective instant past the year 9999",
                        "/api/programs/" + program + "/rename",
                        "{\"name\": \"ab\", \"reason\": \"r\", \"effectiveAt\": \"+1000000000-12-31T23:59:59.999999999Z\"}",
                        400,
                        "effectiveAt",
                        "format"),
                arguments(
                        "start in year -999999999",
                        "/api/programs",
                        validProgram.replace("2024-01-01", "-999999999-01-01"),
                        400,
                        "startDate",
                        "format"),
                arguments(
                        "start before 1900",
                        "/api/programs",
                        validProgram.replace("2024-01-01", "1899-12-31"),
                        400,
                        "startDate",
                        "date-range"),
                arguments(
                        "date-time in a date field",
                        "/api/programs",
                        validProgram.replace("2024-01-01", "2024-01-01T00:00:00"),
                        400,
                        "startDate",
                        "format"),
                arguments(
                        "key given twice",
                        "/api/programs",
                        validProgram.replace("{", "{\"name\": \"first\", "),
                        400,
                        "name",
                        "duplicate-key"),
                arguments(
                        "fraction for an integer",
                        decisions(),
                        Bodies.decision("x").replace("\"quorum\": 2", "\"quorum\": 1.5"),
                        400,
                        "quorum",
                        "type"),
                arguments(
                        "exponent for an integer",
                        decisions(),
                        Bodies.decision("x").replace("\"quorum\": 2", "\"quorum\": 2e0"),
                        400,
                        "quorum",
                        "type"));
    }

    // arguments are built before @BeforeAll runs; ids are resolved lazily through these placeholders
    private static String proposedId() {
        return "{proposed}";
    }

    private static String supersededId() {
        return "{superseded}";
    }

    private static String revokedId() {
        return "{revoked}";
    }

    private static String resolve(String text) {
        return text.replace("{proposed}", proposed)
                .replace("{superseded}", superseded)
                .replace("{revoked}", revoked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsRefused")
    void isRefusedWithAProblemNamingFieldAndRuleAndNothingIsStored(
            String name, String path, String body, int status, String field, String rule) {
        long before = system.storedEvents();
        Http.Response response = commands.post("pmo", resolve(path), resolve(body));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("rule").asString()).as(response.body()).isEqualTo(rule);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asString())
                    .as(response.body())
                    .isEqualTo(field);
        }
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothing() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String body = Bodies.decision("Retried");
        long before = system.storedEvents();
        Http.Response first = commands.post("pmo", decisions(), body, Map.of("Idempotency-Key", "\"" + key + "\""));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long after = system.storedEvents();
        assertThat(after).isGreaterThan(before);

        // retried at once by several clients: one answer, nothing recorded again
        java.util.List<java.util.concurrent.Future<Http.Response>> retries = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int retry = 0; retry < 4; retry++) {
                retries.add(pool.submit(() -> commands.post("pmo", decisions(), body, Map.of("Idempotency-Key", key))));
            }
            for (var retry : retries) {
                Http.Response again = retry.get();
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.body()).isEqualTo(first.body());
                assertThat(again.header("Ledger-Event-Id")).isEqualTo(first.header("Ledger-Event-Id"));
                assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(system.storedEvents()).isEqualTo(after);

        Http.Response other =
                commands.post("pmo", decisions(), Bodies.decision("Another"), Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("rule").asString()).isEqualTo("idempotency-key-reused");
        // keys belong to a person: another's same key is a new request
        assertThat(commands.post(
                                "pmo",
                                "/api/programs",
                                Bodies.program(
                                        "IDEM-" + UUID.randomUUID().toString().substring(0, 8)),
                                Map.of("Idempotency-Key", "not a token"))
                        .json()
                        .path("rule")
                        .asString())
                .isEqualTo("format");
        assertThat(system.storedEvents()).isEqualTo(after);
    }

    @Test
    void everyRefusalNamesItsRuleWhoeverRefusesIt() {
        assertProblem(commands.get("pmo", "/api/programs"), 405, null, "method-not-allowed");
        assertProblem(
                queries.get("viewer", "/api/programs", Map.of("Accept", "application/xml")),
                406,
                null,
                "not-acceptable");
        assertProblem(queries.get("viewer", "/error"), 404, null, "no-such-resource");
        assertProblem(queries.get("auditor", "/api/ledger/proof/0"), 404, null, "unknown-record");
        assertProblem(queries.get("auditor", "/api/ledger/proof/-5"), 404, null, "unknown-record");
        assertProblem(
                commands.post(
                        "pmo",
                        "/api/programs",
                        Bodies.program("BIDI-1").replace("Airport automation", "Invoice \\u202eFDP.exe")),
                400,
                "name",
                "layout-character");
        assertProblem(
                commands.post("pmo", decisions(), Bodies.decision("x").replace("\"B. Janssens\"", "\"A. Peeters\"")),
                400,
                "participants",
                "unique-participants");
    }

    @Test
    void textParametersAndPathsAreHeldToTheSameRules() {
        assertProblem(queries.get("viewer", decisions() + "?reference=a%00b"), 400, "reference", "control-character");
        // whatever the request says its (absent) body is, the query is read and held to the rule
        assertProblem(
                queries.get(
                        "viewer",
                        decisions() + "?reference=a%00b",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                400,
                "reference",
                "control-character");
        assertProblem(queries.get("viewer", "/api/programs/" + program + "%01x"), 400, "path", "control-character");
        Http.Response encodedSlash = queries.get("viewer", "/api/programs/" + program + "%2Fx");
        assertThat(encodedSlash.status()).isEqualTo(400);
        assertThat(encodedSlash.contentType()).startsWith("application/problem+json");
        assertProblem(
                queries.get(
                        "viewer",
                        "/api/programs/" + program + "/audit-trail?recordedFrom=%2B1000000000-01-01T00:00:00Z"),
                400,
                "recordedFrom",
                "format");
        assertProblem(queries.get("viewer", "/api/programs/" + program + "/contracts?asOf=abc"), 400, "asOf", "format");
    }

    @Test
    void duplicateProgramIdIsAConflict() {
        long before = system.storedEvents();
        Http.Response response = commands.post("pmo", "/api/programs", Bodies.program(program));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("rule").asString()).isEqualTo("id-taken");
        assertThat(system.storedEvents()).isEqualTo(before);

        // a program with more than one event: still the id, not a change to retry
        String renamed = program + "-R";
        commands.post("pmo", "/api/programs", Bodies.program(renamed));
        assertThat(commands.post(
                                "pmo",
                                "/api/programs/" + renamed + "/rename",
                                "{\"name\": \"Airport automation, phase 2\", \"reason\": \"Scope split\"}")
                        .status())
                .isEqualTo(200);
        long beforeSecond = system.storedEvents();
        Http.Response again = commands.post("pmo", "/api/programs", Bodies.program(renamed));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("rule").asString()).isEqualTo("id-taken");
        assertThat(system.storedEvents()).isEqualTo(beforeSecond);

        // ids are read without regard to case: "p-1" is the program "P-1"
        Http.Response otherCase = commands.post("pmo", "/api/programs", Bodies.program(program.toLowerCase()));
        assertThat(otherCase.status()).as(otherCase.body()).isEqualTo(409);
        assertThat(otherCase.json().path("rule").asString()).isEqualTo("id-taken");
    }

    @Test
    void oversizeBodyAndWrongMediaTypeAreRefused() {
        long before = system.storedEvents();
        Http.Response huge = commands.post("pmo", decisions(), "{\"title\": \"" + "x".repeat(300_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("rule").asString()).isEqualTo("body-too-large");
        // the same body streamed in chunks, with no length announced: refused as it is read
        Http.Response chunked =
                commands.postStreamed("pmo", decisions(), "{\"title\": \"" + "x".repeat(300_000) + "\"}");
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.json().path("rule").asString()).isEqualTo("body-too-large");
        Http.Response text =
                commands.post("pmo", "/api/programs", Bodies.program("TXT-1"), Map.of("Content-Type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void malformedPathsAndUnknownResourcesAreProblemsToo() {
        Http.Response doubleSlash = commands.post("pmo", decisions() + "//approve", "{}");
        assertThat(doubleSlash.status()).isEqualTo(400);
        assertThat(doubleSlash.contentType()).startsWith("application/problem+json");
        assertThat(doubleSlash.json().path("rule").asString()).isEqualTo("malformed-request");
        Http.Response unknown = queries.get("viewer", "/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedCorrelationIdIsRefused() {
        Http.Response response = commands.post(
                "pmo", decisions(), Bodies.decision("x"), Map.of("X-Correlation-Id", "no spaces allowed"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("X-Correlation-Id");
    }

    @Test
    void badQueriesAreRefusedWithProblems() {
        assertProblem(queries.get("viewer", decisions() + "?status=FOO"), 400, "status", "type");
        assertProblem(queries.get("viewer", decisions() + "?from=2026-13-01"), 400, "from", "format");
        assertProblem(
                queries.get("viewer", decisions() + "?from=2026-05-01&to=2026-04-01"),
                400,
                "from",
                "from-not-after-to");
        assertProblem(queries.get("viewer", decisions() + "?limit=0"), 400, "limit", "range");
        assertProblem(queries.get("viewer", decisions() + "?limit=abc"), 400, "limit", "type");
        assertProblem(queries.get("viewer", decisions() + "?asOf=2026-02-30"), 400, "asOf", "format");
        assertProblem(queries.get("viewer", decisions() + "?asOf=yesterday"), 400, "asOf", "format");
        assertProblem(queries.get("viewer", decisions() + "?knownAt=2026-13-01T00:00:00Z"), 400, "knownAt", "format");
        assertProblem(
                queries.get(
                        "viewer",
                        decisions() + "?knownAt=" + java.time.Instant.now().plusSeconds(3600)),
                400,
                "knownAt",
                "not-in-future");
        assertProblem(
                queries.get("viewer", decisions() + "?knownAt=%2B300000-01-01T00:00:00Z"),
                400,
                "knownAt",
                "not-in-future");
        assertProblem(queries.get("viewer", decisions() + "?asOf=%2B300000-01-01T00:00:00Z"), 400, "asOf", "format");
        assertProblem(queries.get("viewer", decisions() + "?knownAt=-300000-01-01T00:00:00Z"), 400, "knownAt", "range");
        assertProblem(
                queries.get("viewer", "/api/programs/" + program + "?asOf=1999-01-01"), 404, null, "unknown-record");
        assertThat(queries.get("viewer", decisions() + "?asOf=2026-03-10T12:00:00Z")
                        .json()
                        .path("asOf")
                        .asString())
                .isEqualTo("2026-03-10T12:00:00Z");
        assertProblem(queries.get("viewer", "/api/programs/NO-SUCH"), 404, null, "unknown-record");
        assertProblem(queries.get("viewer", "/api/programs/NO-SUCH/decisions"), 404, null, "unknown-record");
        assertProblem(queries.get("viewer", decisions() + "/" + UUID.randomUUID()), 404, null, "unknown-record");
        assertProblem(
                queries.get("viewer", "/api/programs/" + otherProgram + "/decisions/" + proposed),
                404,
                null,
                "unknown-record");
    }

    private static void assertProblem(Http.Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asString()).as(response.body()).isEqualTo(rule);
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo(field);
        }
    }
}
