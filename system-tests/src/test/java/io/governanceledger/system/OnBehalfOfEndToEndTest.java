package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The secretary records the chair's decision: with a deputy appointment in force on the program, a
 * command sent with {@code Ledger-On-Behalf-Of} is recorded with both the secretary (the actor, from the
 * token) and the chair; without one, refused 403 {@code not-a-deputy} and nothing stored. The body
 * never says who acts.
 */
class OnBehalfOfEndToEndTest {

    private static final String PROGRAM = "ON-BEHALF";
    private static final String CHAIR = "chair-of-the-board";

    @Test
    void aDeputyActsForThePrincipalOnlyWhileAnAppointmentIsInForce() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(PROGRAM))
                        .status())
                .isEqualTo(201);
        assertThat(commands.post(
                                "admin",
                                "/api/programs/" + PROGRAM + "/access/grants",
                                "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"secretary\"}, \"role\": \"PMO_OFFICER\","
                                        + " \"reason\": \"Secretary of the steering committee\"}")
                        .status())
                .isEqualTo(201);
        String decisions = "/api/programs/" + PROGRAM + "/decisions";
        Map<String, String> forTheChair = Map.of("Ledger-On-Behalf-Of", CHAIR);

        long before = system.storedEvents();
        Http.Response refused = commands.post("secretary", decisions, Bodies.decision("Before"), forTheChair);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().path("rule").asString()).isEqualTo("not-a-deputy");
        assertThat(system.storedEvents()).isEqualTo(before);

        // a person who is not the chair may not appoint the chair's deputy; a program administrator may
        String appointment = "{\"principal\": \"" + CHAIR + "\", \"deputy\": \"secretary\", "
                + "\"reason\": \"Records the chair's decisions (board resolution 2026-14)\"}";
        assertThat(commands.post("pmo", "/api/programs/" + PROGRAM + "/access/deputies", appointment)
                        .status())
                .isEqualTo(403);
        Http.Response appointed = commands.post("admin", "/api/programs/" + PROGRAM + "/access/deputies", appointment);
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);

        Http.Response recorded = commands.post("secretary", decisions, Bodies.decision("For the chair"), forTheChair);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode trail = queries.get(
                        "auditor",
                        "/api/programs/" + PROGRAM + "/audit-trail?kind=DECISION",
                        Map.of("Ledger-Read-After", recorded.header("Ledger-Event-Id")))
                .json();
        JsonNode entry = trail.path("entries").path(trail.path("entries").size() - 1);
        assertThat(entry.path("actor").asString()).isEqualTo("secretary");
        assertThat(entry.path("actorName").asString()).isEqualTo("Sam Secretary");
        assertThat(entry.path("onBehalfOf").asString()).isEqualTo(CHAIR);

        // the appointment is on the record: who could act for whom, on both clocks
        JsonNode access =
                queries.get("auditor", "/api/programs/" + PROGRAM + "/access").json();
        assertThat(access.path("deputies").path(0).path("principal").asString()).isEqualTo(CHAIR);
        assertThat(access.path("deputies").path(0).path("deputy").asString()).isEqualTo("secretary");

        // acting for someone else, or after the appointment ended, is refused
        assertThat(commands.post("secretary", decisions, Bodies.decision("Other"), Map.of("Ledger-On-Behalf-Of", "cfo"))
                        .status())
                .isEqualTo(403);
        assertThat(commands.post("admin", appointed.header("Location") + "/revoke", "{\"reason\": \"Term ended\"}")
                        .status())
                .isEqualTo(200);
        long after = system.storedEvents();
        assertThat(commands.post("secretary", decisions, Bodies.decision("After"), forTheChair)
                        .status())
                .isEqualTo(403);
        assertThat(system.storedEvents()).isEqualTo(after);
        // the deputy's own grants still let them act for themselves
        assertThat(commands.post("secretary", decisions, Bodies.decision("Own")).status())
                .isEqualTo(201);
    }
}
