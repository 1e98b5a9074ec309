package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ways round the access checks a review looked for, each closed: a percent-encoded path, a
 * revocation dated in the future (which would keep a grant in force and unrevocable), granting a group
 * one belongs to, and reading who has access through the audit trail without the right to.
 */
class AccessRefusalsEndToEndTest {

    private static final String PROGRAM = "REFUSALS";
    private static LedgerSystem system;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void setUp() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(PROGRAM))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aPercentEncodedPathIsRefusedBeforeAnythingElse() {
        long before = system.storedEvents();
        Http.Response read = queries.get("stranger", "/%61pi/programs/" + PROGRAM + "/budget");
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().path("rule").asString()).isEqualTo("encoded-path");
        Http.Response write = commands.post(
                "stranger",
                "/%61pi/access/grants",
                "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"stranger\"}, \"role\": \"PROGRAM_ADMINISTRATOR\","
                        + " \"reason\": \"x\"}");
        assertThat(write.status()).isEqualTo(400);
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void aRevocationTakesEffectNowOrEarlierNeverLater() {
        Http.Response granted = commands.post(
                "admin",
                "/api/programs/" + PROGRAM + "/access/grants",
                "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"leaver\"}, \"role\": \"VIEWER\", \"reason\": \"x\"}");
        assertThat(granted.status()).isEqualTo(201);
        Http.Response later = commands.post(
                "admin",
                granted.header("Location") + "/revoke",
                "{\"reason\": \"leaves next year\", \"effectiveAt\": \"2100-01-01T00:00:00Z\"}");
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().path("errors").path(0).path("rule").asString()).isEqualTo("not-in-future");
        assertThat(commands.post("admin", granted.header("Location") + "/revoke", "{\"reason\": \"left\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorDoesNotGrantAGroupTheyBelongTo() {
        assertThat(commands.post(
                                "admin",
                                "/api/programs/" + PROGRAM + "/access/grants",
                                "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"outsider\"},"
                                        + " \"role\": \"PROGRAM_ADMINISTRATOR\", \"reason\": \"partner's administrator\"}")
                        .status())
                .isEqualTo(201);
        long before = system.storedEvents();
        Http.Response ownGroup = commands.post(
                "outsider",
                "/api/programs/" + PROGRAM + "/access/grants",
                "{\"grantee\": {\"kind\": \"GROUP\", \"id\": \"partner-consortium\"}, \"role\": \"FINANCE_CONTROLLER\","
                        + " \"reason\": \"x\"}");
        assertThat(ownGroup.status()).as(ownGroup.body()).isEqualTo(400);
        assertThat(ownGroup.json().path("errors").path(0).path("rule").asString())
                .isEqualTo("no-self-grant");
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void whoHasAccessIsNotReadThroughTheAuditTrailWithoutTheRight() {
        Http.Response granted = commands.post(
                "admin",
                "/api/programs/" + PROGRAM + "/access/grants",
                "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"someone\"}, \"role\": \"VIEWER\", \"reason\": \"x\"}");
        String trail = "/api/programs/" + PROGRAM + "/audit-trail?kind=ACCESS_GRANT";
        java.util.Map<String, String> after = java.util.Map.of("Ledger-Read-After", granted.header("Ledger-Event-Id"));
        assertThat(queries.get("auditor", trail, after).json().path("entries").size())
                .isPositive();
        assertThat(queries.get("viewer", trail, after).json().path("entries").size())
                .isZero();
        assertThat(queries.get("viewer", "/api/programs/" + PROGRAM + "/audit-trail", after)
                        .json()
                        .path("entries")
                        .findValuesAsString("recordKind"))
                .doesNotContain("ACCESS_GRANT");
        // nor through its bundle: only program administrators and auditors export it
        assertThat(queries.get("viewer", "/api/ledger/export?programId=" + PROGRAM)
                        .status())
                .isEqualTo(403);
    }
}
