package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An auditor reads a program's whole history, and narrows it by record, actor and either clock. */
class AuditTrailEndToEndTest {

    @Test
    void everyEventOfAProgramIsInItsAuditTrailWithItsAuditFields() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        BudgetFixture budget = new BudgetFixture(commands, "AUDIT")
                .line("L1", "Infrastructure", "CAPEX", 2026)
                .delegation("cfo", "1000000");
        String program = budget.program;
        // the ledger records an event's time as it seals it, just after the command's answer: read it back
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", "/api/programs/" + program + "/audit-trail")
                                .json()
                                .path("total")
                                .asLong())
                        .isEqualTo(3));
        Instant afterSetUp = queries.get("auditor", "/api/programs/" + program + "/audit-trail")
                .json()
                .path("entries")
                .valueStream()
                .map(entry -> Instant.parse(entry.path("recordedAt").asString()))
                .max(Instant::compareTo)
                .orElseThrow()
                .plusNanos(1_000);
        String decision = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Audited"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + decision + "/approve",
                "{\"decidedOn\": \"2026-03-10\", \"effectiveFrom\": \"2026-07-01\"}");
        String movement = budget.move("cfo", "ALLOCATION", "L1", null, new BigDecimal("1000"), null, null, "2026-02-01")
                .text("id");
        String trail = "/api/programs/" + program + "/audit-trail";

        // program, line, delegation, decision recorded and approved, movement booked
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", trail)
                                .json()
                                .path("total")
                                .asLong())
                        .isEqualTo(6));
        List<JsonNode> all = queries.get("auditor", trail)
                .json()
                .path("entries")
                .valueStream()
                .toList();
        assertThat(all)
                .extracting(entry -> entry.path("eventType").asString())
                .containsExactly(
                        "ProgramCreatedEvent",
                        "BudgetLineOpenedEvent",
                        "DelegationGrantedEvent",
                        "DecisionRecordedEvent",
                        "DecisionApprovedEvent",
                        "MovementBookedEvent");
        assertThat(all).extracting(entry -> entry.path("position").asLong()).isSorted();
        assertThat(all).allSatisfy(entry -> {
            assertThat(entry.path("actor").asString()).isNotBlank();
            assertThat(entry.path("reason").asString()).isNotBlank();
            assertThat(entry.path("correlationId").asString()).isNotBlank();
            assertThat(entry.path("eventRevision").asInt())
                    .isEqualTo(entry.path("eventType").asString().startsWith("Decision") ? 2 : 1);
        });
        assertThat(all.get(5).path("recordKind").asString()).isEqualTo("BUDGET_MOVEMENT");
        assertThat(all.get(5).path("recordId").asString()).isEqualTo(movement);
        assertThat(all.get(5).path("aggregateId").asString()).isEqualTo(program + "/budget");

        JsonNode ofDecision = queries.get("auditor", trail + "?kind=DECISION&recordId=" + decision)
                .json();
        assertThat(ofDecision.path("total").asLong()).isEqualTo(2);
        assertThat(queries.get("auditor", trail + "?actor=cfo")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(queries.get("auditor", trail + "?actor=finance")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(queries.get("auditor", trail + "?recordedFrom=" + afterSetUp)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(3);
        // tabled and approved on 10 March 2026 in Brussels (9 March 23:00 UTC); the movement is dated 1 February
        JsonNode effectiveOnTheTenth = queries.get(
                        "auditor", trail + "?effectiveFrom=2026-03-09T23:00:00Z&effectiveTo=2026-03-10T23:00:00Z")
                .json();
        assertThat(effectiveOnTheTenth
                        .path("entries")
                        .valueStream()
                        .map(e -> e.path("eventType").asString())
                        .toList())
                .containsExactly("DecisionRecordedEvent", "DecisionApprovedEvent");

        assertThat(queries.get("auditor", trail + "?kind=INVOICE").status()).isEqualTo(400);
        assertThat(queries.get("auditor", trail + "?recordedFrom=yesterday").status())
                .isEqualTo(400);
        assertThat(queries.get("auditor", "/api/programs/NO-SUCH/audit-trail").status())
                .isEqualTo(404);
        assertThat(queries.get(null, trail).status()).isEqualTo(401);
    }
}
