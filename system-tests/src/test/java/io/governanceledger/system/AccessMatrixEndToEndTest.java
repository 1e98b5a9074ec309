package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of both OpenAPI documents, asked by every role in every grant state: granted on the
 * program, granted portfolio-wide, never granted, granted with a validity that has ended, granted and
 * revoked; and without a token. The operations and the right each declares come from the served
 * documents, so a new endpoint is in the matrix as soon as it exists, and one without a right fails
 * here (and stops the service at start). The rights' roles are stated here a second time, as the
 * policy docs/access.md describes; the documents must say the same.
 *
 * <p>Writes are sent with a body that is not JSON: a caller the right admits gets the 400 of an
 * unreadable body, one it does not gets 403 (or 404 where the program is hidden) before the body is
 * read. Nothing is stored either way.
 */
class AccessMatrixEndToEndTest {

    private static final String PROGRAM = "MATRIX-A";

    /** The policy: which roles hold each right (docs/access.md). */
    private static final Map<String, Set<String>> POLICY = Map.ofEntries(
            Map.entry("SIGNED_IN", Set.of()),
            Map.entry(
                    "READ_PROGRAM",
                    Set.of(
                            "PROGRAM_ADMINISTRATOR",
                            "PMO_OFFICER",
                            "FINANCE_CONTROLLER",
                            "CONTRACT_MANAGER",
                            "AUDITOR",
                            "VIEWER")),
            Map.entry("MANAGE_PROGRAM", Set.of("PROGRAM_ADMINISTRATOR", "PMO_OFFICER")),
            Map.entry("KEEP_DECISION_LOG", Set.of("PMO_OFFICER")),
            Map.entry("ADMINISTER_BUDGET", Set.of("FINANCE_CONTROLLER")),
            Map.entry("MOVE_BUDGET", Set.of("FINANCE_CONTROLLER", "PMO_OFFICER")),
            Map.entry("MANAGE_CONTRACTS", Set.of("CONTRACT_MANAGER")),
            Map.entry(
                    "RAISE_CHANGE_REQUESTS",
                    Set.of("PROGRAM_ADMINISTRATOR", "PMO_OFFICER", "FINANCE_CONTROLLER", "CONTRACT_MANAGER")),
            Map.entry("ASSESS_CHANGE_REQUESTS", Set.of("PMO_OFFICER", "FINANCE_CONTROLLER", "CONTRACT_MANAGER")),
            Map.entry("CONTROL_CHANGES", Set.of("PMO_OFFICER")),
            Map.entry("READ_ACCESS", Set.of("PROGRAM_ADMINISTRATOR", "AUDITOR")),
            Map.entry("ADMINISTER_ACCESS", Set.of("PROGRAM_ADMINISTRATOR")),
            Map.entry(
                    "APPOINT_DEPUTIES",
                    Set.of(
                            "PROGRAM_ADMINISTRATOR",
                            "PMO_OFFICER",
                            "FINANCE_CONTROLLER",
                            "CONTRACT_MANAGER",
                            "AUDITOR",
                            "VIEWER")),
            Map.entry("EXPORT_BUNDLE", Set.of("PROGRAM_ADMINISTRATOR", "AUDITOR")),
            Map.entry("REGISTER_PROGRAMS", Set.of("PROGRAM_ADMINISTRATOR", "PMO_OFFICER")),
            Map.entry("READ_PORTFOLIO_ACCESS", Set.of("PROGRAM_ADMINISTRATOR", "AUDITOR")),
            Map.entry("ADMINISTER_PORTFOLIO_ACCESS", Set.of("PROGRAM_ADMINISTRATOR")),
            Map.entry("INSPECT_LEDGER", Set.of("PROGRAM_ADMINISTRATOR", "AUDITOR", "OPERATOR")),
            Map.entry("REBUILD_READ_MODELS", Set.of("OPERATOR")));

    /** Without a program named, the whole-store export's roles (portfolio-wide). */
    private static final Set<String> WHOLE_STORE_EXPORT = Set.of("AUDITOR", "OPERATOR");

    record Operation(Http http, String method, String template, String right, String scope, List<String> roles) {}

    @Test
    void everyOperationAnswersEveryRoleInEveryGrantStateAsItsRightSays() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        grantTheMatrix(commands, queries);

        List<Operation> operations = new ArrayList<>();
        operations.addAll(operations(commands));
        operations.addAll(operations(queries));
        assertThat(operations).hasSizeGreaterThan(40);

        long before = system.storedEvents();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            assertThat(POLICY).as(operation.template()).containsKey(operation.right());
            assertThat(Set.copyOf(operation.roles()))
                    .as(operation.method() + " " + operation.template() + ": the document's roles for "
                            + operation.right())
                    .isEqualTo(POLICY.get(operation.right()));
            for (String path : concretePaths(operation)) {
                check(operation, path, null, "anonymous", 401, wrong, counts);
                for (String role : TestIssuer.MATRIX_ROLES) {
                    for (String state : TestIssuer.MATRIX_STATES) {
                        if (role.equals("OPERATOR") && state.equals("program")) {
                            continue; // refused when granted (portfolio-wide only), so never held on a program
                        }
                        int expected = expected(operation, path, role, state);
                        check(
                                operation,
                                path,
                                TestIssuer.matrixAccount(role, state),
                                role + "/" + state,
                                expected,
                                wrong,
                                counts);
                    }
                }
            }
        }
        assertThat(wrong).as("answers that differ from the policy").isEmpty();
        assertThat(system.storedEvents())
                .as("nothing is stored by a refused or unreadable request")
                .isEqualTo(before);
        System.out.println("Access matrix: " + operations.size() + " operations, answers " + counts);
    }

    /** The answer the policy gives {@code role} in grant {@code state}; 400 stands for "admitted" on a write. */
    private static int expected(Operation operation, String path, String role, String state) {
        boolean holdsOnProgram = state.equals("program") || state.equals("portfolio");
        boolean holdsPortfolioWide = state.equals("portfolio");
        int admitted = operation.method().equals("post") ? 400 : 200;
        switch (operation.scope()) {
            case "CALLER":
                return admitted;
            case "PORTFOLIO":
                return holdsPortfolioWide && operation.roles().contains(role) ? admitted : 403;
            case "PROGRAM_IF_GIVEN":
                if (!path.contains("programId=")) {
                    return holdsPortfolioWide && WHOLE_STORE_EXPORT.contains(role) ? admitted : 403;
                }
            // fall through: a program is named
            case "PROGRAM":
                if (!holdsOnProgram) {
                    return 404;
                }
                return operation.roles().contains(role) ? admitted : 403;
            default:
                throw new IllegalStateException("unknown scope " + operation.scope());
        }
    }

    private static void check(
            Operation operation,
            String path,
            String account,
            String caller,
            int expected,
            List<String> wrong,
            Map<String, Integer> counts) {
        Http.Response answer = operation.method().equals("post")
                ? operation.http().post(account, path, "{not json")
                : operation.http().get(account, path);
        int status = answer.status();
        boolean matches;
        if (expected == 404) {
            // hidden exactly as a program that does not exist
            matches = programHidden(answer);
        } else if (expected == 200 || expected == 400) {
            // admitted: whatever the handler answers, it is not a refusal of access
            matches = status != 401
                    && status != 403
                    && !(status == 404 && answer.json().path("field").asString().equals("programId"));
        } else {
            matches = status == expected;
        }
        counts.merge(expected == 400 || expected == 200 ? "admitted" : String.valueOf(expected), 1, Integer::sum);
        if (!matches) {
            wrong.add(operation.method().toUpperCase() + " " + path + " as " + caller + ": expected " + expected
                    + ", got " + status + " " + answer.body());
        }
    }

    /** The 404 of a program the caller may not see, as either service words it (a field, or the errors' first). */
    private static boolean programHidden(Http.Response answer) {
        if (answer.status() != 404) {
            return false;
        }
        JsonNode problem = answer.json();
        return problem.path("field").asString().equals("programId")
                || problem.path("errors").path(0).path("field").asString().equals("programId");
    }

    private static List<Operation> operations(Http http) {
        JsonNode docs = http.get(null, "/v3/api-docs").json();
        List<Operation> found = new ArrayList<>();
        for (var path : docs.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode access = method.getValue().path("x-ledger-access");
                assertThat(access.path("right").asString())
                        .as(method.getKey() + " " + path.getKey() + " declares the right it needs")
                        .isNotBlank();
                List<String> roles = new ArrayList<>();
                access.path("roles").forEach(role -> roles.add(role.asString()));
                found.add(new Operation(
                        http,
                        method.getKey(),
                        path.getKey(),
                        access.path("right").asString(),
                        access.path("scope").asString(),
                        roles));
            }
        }
        return found;
    }

    /** The operation's path with its variables filled in; the bundle once for a program and once for all. */
    private static List<String> concretePaths(Operation operation) {
        String path = operation
                .template()
                .replace("{programId}", PROGRAM)
                .replace("{position}", "1")
                .replace("{readModel}", "no-such-read-model")
                .replace("{report}", "decision-register")
                .replaceAll("\\{[^}]+}", "x1");
        if (operation.scope().equals("PROGRAM_IF_GIVEN")) {
            return List.of(path + "?programId=" + PROGRAM, path);
        }
        return List.of(path);
    }

    /** The matrix's program, and a grant per role and state (revoked ones revoked, expired ones ended in 2025). */
    private static void grantTheMatrix(Http commands, Http queries) {
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(PROGRAM))
                        .status())
                .isIn(201, 409);
        String lastEvent = null;
        for (String role : TestIssuer.MATRIX_ROLES) {
            for (String state : TestIssuer.MATRIX_STATES) {
                String account = TestIssuer.matrixAccount(role, state);
                boolean portfolio = state.equals("portfolio");
                String grants = portfolio ? "/api/access/grants" : "/api/programs/" + PROGRAM + "/access/grants";
                String dates =
                        state.equals("expired") ? ", \"validFrom\": \"2025-01-01\", \"validTo\": \"2025-12-31\"" : "";
                if (state.equals("none") || (role.equals("OPERATOR") && state.equals("program"))) {
                    continue;
                }
                if (role.equals("OPERATOR") && !portfolio) {
                    grants = "/api/access/grants";
                }
                Http.Response granted = commands.post(
                        LedgerSystem.BOOTSTRAP_ADMINISTRATOR,
                        grants,
                        "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"" + account + "\"}, \"role\": \"" + role + "\""
                                + dates + ", \"reason\": \"Access matrix\"}");
                assertThat(granted.status()).as(granted.body()).isEqualTo(201);
                lastEvent = granted.header("Ledger-Event-Id");
                if (state.equals("revoked")) {
                    Http.Response revoked = commands.post(
                            LedgerSystem.BOOTSTRAP_ADMINISTRATOR,
                            granted.header("Location") + "/revoke",
                            "{\"reason\": \"Access matrix: left the program\"}");
                    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
                    lastEvent = revoked.header("Ledger-Event-Id");
                }
            }
        }
        // reads are checked against the query side's copy: read once after the last grant's event
        assertThat(queries.get("admin", "/api/programs/" + PROGRAM, Map.of("Ledger-Read-After", lastEvent))
                        .status())
                .isEqualTo(200);
    }
}
