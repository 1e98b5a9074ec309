package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No token gives 401, a refused token 401 naming why, a missing role 403, a program without a grant
 * 404, all as problems; docs and health are open. The endpoint-by-role matrix is AccessMatrixEndToEndTest.
 */
class SecurityEndToEndTest {

    private static LedgerSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void setUp() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
    }

    @Test
    void writesNeedATokenAndTheRoleOnTheProgram() {
        assertThat(commands.post("pmo", "/api/programs", Bodies.program("SEC-0"))
                        .status())
                .isEqualTo(201);
        long before = system.storedEvents();
        Http.Response anonymous = commands.post(null, "/api/programs", Bodies.program("SEC-1"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().path("rule").asString()).isEqualTo("authentication-required");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

        Http.Response garbage = commands.post("token:not-a-token", "/api/programs", Bodies.program("SEC-1"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().path("rule").asString()).isEqualTo("invalid-token");
        for (String user : new String[] {"viewer", "auditor", "finance", "contracts"}) {
            Http.Response forbidden = commands.post(user, "/api/programs", Bodies.program("SEC-1"));
            assertThat(forbidden.status()).as(user).isEqualTo(403);
            assertThat(forbidden.json().path("rule").asString()).isEqualTo("role-required");
            // the role is checked before the body is even read
            assertThat(commands.post(user, "/api/programs/SEC-0/decisions", "{not json")
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        // someone with no grant on the program is told it does not exist, as for a program that does not
        Http.Response hidden = commands.post("stranger", "/api/programs/SEC-0/decisions", Bodies.decision("D1"));
        Http.Response missing = commands.post("stranger", "/api/programs/NO-SUCH/decisions", Bodies.decision("D1"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("rule").asString())
                .isEqualTo(missing.json().path("rule").asString());
        assertThat(hidden.json().path("detail").asString())
                .isEqualTo(missing.json().path("detail").asString().replace("NO-SUCH", "SEC-0"));
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void readsNeedATokenAndAGrant() {
        Http.Response anonymous = queries.get(null, "/api/programs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        for (String user : new String[] {"viewer", "auditor", "finance", "contracts", "pmo", "stranger"}) {
            assertThat(queries.get(user, "/api/programs").status()).as(user).isEqualTo(200);
        }
        assertThat(queries.get("stranger", "/api/programs").json()).isEmpty();
    }

    @Test
    void basicLoginsAreRefusedUnlessATrialOptsIn() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:viewer".getBytes());
        Http.Response refused = queries.get(null, "/api/programs", java.util.Map.of("Authorization", basic));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("Basic");

        try (LedgerSystem trial = LedgerSystem.isolated()) {
            trial.startCommandService();
            Http optedIn = trial.startQueryService(
                            "--ledger.security.basic.enabled=true",
                            "--ledger.security.basic.users.viewer.password={bcrypt}"
                                    + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                                            .encode("viewer"))
                    .http();
            Http.Response read = optedIn.get(null, "/api/programs", java.util.Map.of("Authorization", basic));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:wrong".getBytes());
            assertThat(optedIn.get(null, "/api/programs", java.util.Map.of("Authorization", wrong))
                            .status())
                    .isEqualTo(401);
            // tokens still work beside it, and the documents say Basic is offered there
            assertThat(optedIn.get("viewer", "/api/programs").status()).isEqualTo(200);
            assertThat(optedIn.get(null, "/v3/api-docs")
                            .json()
                            .path("components")
                            .path("securitySchemes")
                            .has("basicAuth"))
                    .isTrue();
        }
    }

    @Test
    void aWriteTheServiceDoesNotTakeIsRefused() {
        assertThat(queries.post("pmo", "/api/programs", Bodies.program("SEC-2")).status())
                .isEqualTo(405);
    }

    @Test
    void healthAndOpenApiDocumentsAreOpen() {
        assertThat(commands.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(queries.get(null, "/actuator/health").status()).isEqualTo(200);
        Http.Response commandDocs = commands.get(null, "/v3/api-docs");
        assertThat(commandDocs.status()).isEqualTo(200);
        assertThat(commandDocs.json().path("paths").has("/api/programs/{programId}/decisions/{decisionId}/supersede"))
                .isTrue();
        assertThat(commandDocs
                        .json()
                        .path("paths")
                        .path("/api/programs/{programId}/decisions")
                        .path("post")
                        .path("responses")
                        .path("200")
                        .path("headers")
                        .has("Ledger-Event-Id"))
                .isTrue();
        Http.Response queryDocs = queries.get(null, "/v3/api-docs");
        assertThat(queryDocs.json().path("paths").has("/api/programs/{programId}/decisions/{decisionId}"))
                .isTrue();
        assertThat(queryDocs
                        .json()
                        .path("paths")
                        .path("/api/programs/{programId}/decisions/{decisionId}")
                        .path("get")
                        .path("parameters")
                        .toString())
                .contains("\"name\":\"Ledger-Read-After\"");
    }

    /**
     * The rules an outside OpenAPI linter holds operations to (Redocly's recommended: a summary, a 4xx
     * answer), plus ours: every refusal documented as problem+json of the Problem schema, every POST
     * with its Idempotency-Key header.
     */
    @Test
    void everyOperationDocumentsItsSummaryItsProblemsAndOnEveryPostTheIdempotencyKey() {
        for (Http http : java.util.List.of(commands, queries)) {
            tools.jackson.databind.JsonNode docs =
                    http.get(null, "/v3/api-docs").json();
            assertThat(docs.path("components")
                            .path("schemas")
                            .path("Problem")
                            .path("properties")
                            .has("rule"))
                    .isTrue();
            assertThat(docs.path("components")
                            .path("securitySchemes")
                            .path("bearerToken")
                            .path("scheme")
                            .asString())
                    .isEqualTo("bearer");
            assertThat(docs.path("components")
                            .path("securitySchemes")
                            .path("openId")
                            .path("openIdConnectUrl")
                            .asString())
                    .isEqualTo(TestIssuer.get().url() + "/.well-known/openid-configuration");
            assertThat(docs.path("components").path("securitySchemes").has("basicAuth"))
                    .isFalse();
            int operations = 0;
            for (var path : docs.path("paths").properties()) {
                for (var method : path.getValue().properties()) {
                    String name = method.getKey() + " " + path.getKey();
                    tools.jackson.databind.JsonNode operation = method.getValue();
                    operations++;
                    assertThat(operation.path("summary").asString()).as(name).isNotBlank();
                    assertThat(operation.path("security").toString()).as(name).contains("bearerToken");
                    assertThat(operation.path("x-ledger-access").path("right").asString())
                            .as(name)
                            .isNotBlank();
                    var responses = operation.path("responses");
                    assertThat(responses.propertyNames()).as(name).anyMatch(status -> status.startsWith("4"));
                    for (String status : java.util.List.of("400", "404")) {
                        assertThat(responses
                                        .path(status)
                                        .path("content")
                                        .path("application/problem+json")
                                        .path("schema")
                                        .path("$ref")
                                        .asString())
                                .as(name + " " + status)
                                .isEqualTo("#/components/schemas/Problem");
                    }
                    if (method.getKey().equals("post")) {
                        assertThat(operation.path("parameters").toString())
                                .as(name)
                                .contains("\"name\":\"Idempotency-Key\"");
                        assertThat(responses.has("422")).as(name).isTrue();
                    }
                }
            }
            assertThat(operations).isGreaterThan(5);
        }
    }
}
