package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The point a read answers for, read once per request: refused values are answered by the reads that
 * take a point and only by them, the first of a repeated value is taken, an empty knownAt means now,
 * the answers with no place in their body state the point in headers (and no others), and a bound
 * filter reads the query string only.
 */
class PointInTimeEndToEndTest {

    private static Http commands;
    private static Http queries;
    private static BudgetFixture budget;
    /** An instant by which the budget's line and delegation were recorded. */
    private static Instant recorded;

    @BeforeAll
    static void start() {
        LedgerSystem system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
        budget = new BudgetFixture(commands, "POINT")
                .line("L1", "Terminal", "CAPEX", 2026)
                .delegation("finance", "1000000");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> queries.get("viewer", budget.path("/delegations"))
                                .json()
                                .size()
                        == 1);
        recorded = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Test
    void aRefusedPointIsAnsweredByTheReadThatTakesItNamingTheFieldAndTheRule() {
        assertProblem(queries.get("viewer", "/api/programs/" + budget.program + "?asOf="), "asOf", "format");
        assertProblem(queries.get("viewer", "/api/programs/" + budget.program + "?asOf=2026-02-30"), "asOf", "format");
        assertProblem(
                queries.get("viewer", "/api/programs/" + budget.program + "?asOf=0000-01-01"), "asOf", "date-range");
        assertProblem(
                queries.get("viewer", "/api/programs/" + budget.program + "?knownAt=2026-01-01"), "knownAt", "format");
        assertProblem(queries.get("viewer", budget.path("/movements.csv") + "?asOf=yesterday"), "asOf", "format");
        assertProblem(
                queries.get("viewer", "/api/programs/" + budget.program + "/reports/budget-ledger?asOf=nope"),
                "asOf",
                "format");
    }

    @Test
    void aReadThatTakesNoPointIgnoresOne() {
        assertThat(queries.get("auditor", "/api/ledger/public-key?asOf=nope&knownAt=nope")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anEmptyKnownAtMeansNowAndARepeatedValueIsReadOnce() {
        Http.Response now = queries.get("viewer", "/api/programs/" + budget.program + "?knownAt=");
        assertThat(now.status()).isEqualTo(200);
        assertThat(Instant.parse(now.json().path("knownAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));

        Http.Response first = queries.get("viewer", "/api/programs/" + budget.program + "?asOf=2030-01-01&asOf=nope");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("asOf").asString()).isEqualTo("2030-01-01");
    }

    @Test
    void listsAndCsvStateTheirPointInHeadersAndObjectsInTheirBody() {
        Http.Response delegations =
                queries.get("viewer", budget.path("/delegations") + "?asOf=2030-01-01&knownAt=" + recorded);
        assertThat(delegations.status()).isEqualTo(200);
        assertThat(delegations.header("Ledger-As-Of")).isEqualTo("2030-01-01");
        assertThat(delegations.header("Ledger-Known-At")).isEqualTo(recorded.toString());
        Http.Response csv = queries.get("viewer", budget.path("/movements.csv") + "?asOf=2030-01-01T12:00:00Z");
        assertThat(csv.header("Ledger-As-Of")).isEqualTo("2030-01-01T12:00:00Z");
        assertThat(csv.header("Ledger-Known-At")).isNotNull();

        Http.Response program = queries.get("viewer", "/api/programs/" + budget.program + "?asOf=2030-01-01");
        assertThat(program.json().path("asOf").asString()).isEqualTo("2030-01-01");
        assertThat(program.header("Ledger-As-Of")).isNull();
        Http.Response missing = queries.get("viewer", budget.path("/movements/no-such-movement"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Ledger-As-Of")).isNull();
    }

    @Test
    void aHeadIsAnsweredForTheSamePointWithoutWaiting() {
        Http.Response head = queries.head("viewer", budget.path("/delegations") + "?knownAt=" + recorded);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Ledger-Known-At")).isEqualTo(recorded.toString());
    }

    @Test
    void theMovementLedgerIsFilteredByItsQueryStringOnly() {
        assertThat(budget.move(
                                "finance",
                                "ALLOCATION",
                                "L1",
                                null,
                                new java.math.BigDecimal("500.00"),
                                null,
                                null,
                                "2026-03-01")
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> queries.get("viewer", budget.path("/movements"))
                                .json()
                                .path("total")
                                .asLong()
                        == 1);
        // a header of a filter's name is not a filter
        Http.Response withHeader =
                queries.get("viewer", budget.path("/movements"), Map.of("Status", "REFUSED", "Kind", "TRANSFER"));
        assertThat(withHeader.json().path("total").asLong()).isEqualTo(1);
        assertThat(queries.get("viewer", budget.path("/movements") + "?status=REFUSED")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertProblem(queries.get("viewer", budget.path("/movements") + "?status=FOO"), "status", "type");
        assertProblem(queries.get("viewer", budget.path("/movements") + "?from=2026-13-01"), "from", "format");
    }

    private static void assertProblem(Http.Response response, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo(field);
        assertThat(response.json().path("errors").get(0).path("rule").asString())
                .isEqualTo(rule);
    }
}
