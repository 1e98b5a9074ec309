package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Change control over HTTP, as a PMO runs it: a baseline approved by the steering committee, a change
 * request that moves a milestone, adds cost and needs a contract amendment, assessed with a pre-check,
 * decided in the decision log, implemented (movement, amendment, new baseline) and traced both ways;
 * then a forecast beyond tolerance that the ledger turns into an exception, which blocks commitments
 * on its line until the board decides it. Figures are worked by hand in the comments.
 */
class ChangeControlEndToEndTest {

    private final LedgerSystem system = LedgerSystem.shared();
    private final Http commands = system.startedCommands();
    private final Http queries = system.startedQueries();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Test
    void aChangeRequestRunsFromRaisedToImplementedAndAForecastBeyondToleranceBlocksCommitments() {
        BudgetFixture budget = new BudgetFixture(commands, "CHANGE")
                .line("L-DEV", "Development", "CAPEX", 2027)
                .line("L-OPS", "Operations", "OPEX", 2027)
                .delegation("finance", "5000000");
        String program = budget.program;
        String api = "/api/programs/" + program;
        booked(budget.move(
                "finance", "ALLOCATION", "L-DEV", null, new BigDecimal("1000000"), null, null, "2026-01-05"));
        booked(budget.move("finance", "ALLOCATION", "L-OPS", null, new BigDecimal("500000"), null, null, "2026-01-05"));
        String planDecision = approvedDecision(program, "Approve the programme plan");
        String contract = api + "/contracts/" + created(commands.post("contracts", api + "/contracts", """
                {"reference": "FC-2026-07", "title": "Check-in systems", "supplier": "Acme Systems",
                 "regime": "CLASSIC", "type": "SERVICES", "authority": "CENTRAL", "initialValue": 2000000.00,
                 "currency": "EUR", "startDate": "2026-01-01", "endDate": "2030-12-31",
                 "renewalNoticeDays": 90, "deMinimisCounting": "NET_CUMULATIVE"}"""));
        String contractId = contract.substring(contract.lastIndexOf('/') + 1);

        created(commands.post("pmo", api + "/milestones", """
                {"milestoneId": "M1", "name": "Go-live terminal A", "owner": "B. Janssens", "plannedDate": "2027-06-30"}"""));
        created(commands.post("pmo", api + "/milestones", """
                {"milestoneId": "M2", "name": "Acceptance", "owner": "C. Maes", "plannedDate": "2027-09-30"}"""));
        ok(commands.post("pmo", api + "/milestones/M2/dependencies", "{\"dependsOnMilestoneId\": \"M1\"}"));
        created(commands.post("pmo", api + "/scope-items", """
                {"itemId": "S1", "name": "Self-service kiosks", "description": "120 kiosks in terminal A"}"""));
        created(commands.post("pmo", api + "/scope-items", "{\"itemId\": \"S2\", \"name\": \"Bag drop\"}"));

        // baseline 1: scope S1, S2; M1 2027-06-30, M2 2027-09-30; L-DEV 1,000,000, L-OPS 500,000; FC 2,000,000
        Http.Response first = commands.post(
                "pmo", api + "/baselines", "{\"name\": \"Initial plan\", \"decisionId\": \"" + planDecision + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("id")).isEqualTo("1");
        // tolerances: cost 5% (L-DEV 50,000, L-OPS 25,000, total 75,000), time 30 days, scope 1 item
        ok(commands.post("pmo", api + "/tolerances", """
                {"decisionId": "%s", "costPercent": 5, "timeDays": 30, "scopeItems": 1}""".formatted(planDecision)));
        Http.Response again = commands.post(
                "pmo", api + "/baselines", "{\"name\": \"Overwrite\", \"decisionId\": \"" + planDecision + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("rule")).isEqualTo("change-request-required");

        // CR-1: a second check-in hall; raised by operations, assessed by finance
        Http.Response raised = commands.post("pmo", api + "/change-requests", """
                {"title": "Second check-in hall", "description": "Passenger growth needs 40 more kiosks.",
                 "type": "SCOPE", "urgency": "HIGH",
                 "requestedBy": {"organisation": "Airport operations", "person": "D. Claes"},
                 "affected": [{"kind": "MILESTONE", "reference": "M1"}, {"kind": "BUDGET_LINE", "reference": "L-DEV"},
                              {"kind": "CONTRACT", "reference": "%s"}, {"kind": "DELIVERABLE", "reference": "S1"}]}""".formatted(contractId));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.text("id")).isEqualTo("CR-1");
        String cr = api + "/change-requests/CR-1";
        Http.Response unknownItem = commands.post("pmo", api + "/change-requests", """
                {"title": "Ghost", "description": "x", "type": "SCOPE", "urgency": "LOW",
                 "requestedBy": {"organisation": "o", "person": "p"}, "affected": [{"kind": "MILESTONE", "reference": "M9"}]}""");
        assertThat(unknownItem.status()).isEqualTo(400);
        assertThat(unknownItem.text("rule")).isEqualTo("unknown-milestone");

        // the pre-check records nothing: 150,000 is not below the 140,000 EU threshold of 2026
        Http.Response precheck = commands.post("finance", contract + "/amendment-checks", """
                {"legalBasis": "DE_MINIMIS", "valueDelta": 150000, "signedOn": "%s"}""".formatted(today));
        assertThat(precheck.status()).as(precheck.body()).isEqualTo(200);
        assertThat(precheck.json().path("accepted").asBoolean()).isFalse();
        assertThat(precheck.text("rule")).isEqualTo("de-minimis-eu-threshold");
        assertThat(precheck.json().path("figures").path("euThreshold").decimalValue())
                .isEqualByComparingTo("140000");

        ok(commands.post("finance", cr + "/assessment", "{}"));
        Http.Response assessed = commands.post("finance", cr + "/assessments", """
                {"costs": [{"lineId": "L-DEV", "amount": 120000}], "schedule": [{"milestoneId": "M1", "days": 45}],
                 "scope": "40 kiosks in a new hall", "risk": "Supplier capacity in spring",
                 "options": "Phase the hall over two years",
                 "contract": {"contractId": "%s", "legalBasis": "DE_MINIMIS", "valueDelta": 100000, "signedOn": "%s"}}""".formatted(contractId, today));
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);

        // recorded to the decision log, submitted, approved there with conditions
        String decision =
                created(commands.post("pmo", api + "/decisions", Bodies.decision("Approve CR-1 second check-in hall")));
        Http.Response early = commands.post("pmo", api + "/change-requests/CR-1/implementation", "{}");
        assertThat(early.status()).isEqualTo(409);
        ok(commands.post("pmo", cr + "/submit", "{\"decisionId\": \"" + decision + "\"}"));
        ok(commands.post("pmo", api + "/decisions/" + decision + "/approve", """
                {"decidedOn": "%s", "conditions": "Within the 2027 capital budget"}""".formatted(today)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", cr)
                                .json()
                                .path("summary")
                                .path("status")
                                .asString())
                        .isEqualTo("APPROVED"));
        JsonNode approved = queries.get("auditor", cr).json();
        assertThat(approved.path("conditions").asString()).isEqualTo("Within the 2027 capital budget");
        assertThat(approved.path("assessment")
                        .path("impact")
                        .path("contract")
                        .path("check")
                        .path("accepted")
                        .asBoolean())
                .isTrue(); // 100,000 < 140,000 and < 10% of 2,000,000
        // as known just before the decision was recorded (its recorded time is the ledger's, set as it is sealed)
        Instant decidedAt = approved.path("history")
                .valueStream()
                .filter(entry -> entry.path("eventType").asString().equals("ChangeRequestDecidedEvent"))
                .map(entry -> Instant.parse(entry.path("recordedAt").asString()))
                .findFirst()
                .orElseThrow();
        Instant beforeDecision = decidedAt.minusNanos(1_000);
        assertThat(queries.get("auditor", cr + "?knownAt=" + beforeDecision)
                        .json()
                        .path("summary")
                        .path("status")
                        .asString())
                .isEqualTo("SUBMITTED");

        // implemented: the allocation, the amendment and the milestone move name CR-1; no exception, it was approved
        ok(commands.post("pmo", cr + "/implementation", "{}"));
        Http.Response movement = commands.post("finance", api + "/budget/movements", """
                {"kind": "ALLOCATION", "lineId": "L-DEV", "amount": 120000, "currency": "EUR",
                 "authorisingReference": "CR-1", "effectiveDate": "%s", "reason": "CR-1 second hall"}""".formatted(today));
        assertThat(movement.status()).as(movement.body()).isEqualTo(201);
        String movementId = movement.text("id");
        Http.Response amendment = commands.post("contracts", contract + "/amendments", """
                {"legalBasis": "DE_MINIMIS", "valueDelta": 100000, "scope": "40 kiosks", "signatories": ["A. Peeters"],
                 "signedOn": "%s", "effectiveFrom": "%s", "authorisingDecisionId": "CR-1", "reason": "CR-1"}""".formatted(today, today));
        assertThat(amendment.status()).as(amendment.body()).isEqualTo(201);
        assertThat(amendment.text("status")).isEqualTo("ACCEPTED");
        ok(commands.post("pmo", api + "/milestones/M1/forecast", """
                {"forecastDate": "2027-08-14", "reason": "Second hall", "changeRequestId": "CR-1"}"""));
        Http.Response second =
                commands.post("pmo", api + "/baselines", "{\"name\": \"After CR-1\", \"changeRequestId\": \"CR-1\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        ok(commands.post("pmo", cr + "/implemented", "{}"));
        ok(commands.post("pmo", cr + "/close", "{}"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", cr)
                                .json()
                                .path("summary")
                                .path("status")
                                .asString())
                        .isEqualTo("CLOSED"));
        JsonNode trace = queries.get("auditor", cr).json().path("trace");
        assertThat(trace.path("decision").path("title").asString()).isEqualTo("Approve CR-1 second check-in hall");
        assertThat(trace.path("movements")
                        .valueStream()
                        .map(m -> m.path("movementId").asString()))
                .containsExactly(movementId);
        assertThat(trace.path("amendments").get(0).path("contractReference").asString())
                .isEqualTo("FC-2026-07");
        assertThat(trace.path("baselines").get(0).path("number").asInt()).isEqualTo(2);
        assertThat(trace.path("planChanges").get(0).path("recordId").asString()).isEqualTo("M1");
        // and back: the movement and the amendment name CR-1 and the decision that decided it
        JsonNode booked =
                queries.get("auditor", api + "/budget/movements/" + movementId).json();
        assertThat(booked.path("authorisingDecisionTitle").asString()).isEqualTo("Second check-in hall");
        assertThat(booked.path("authorisingChangeDecisionId").asString()).isEqualTo(decision);
        JsonNode amended =
                queries.get("auditor", contract).json().path("amendments").get(0);
        assertThat(amended.path("authorisingChangeDecisionId").asString()).isEqualTo(decision);
        JsonNode none = queries.get("auditor", api + "/exceptions").json();
        assertThat(none.path("exceptions").size()).as(none.toString()).isZero();

        // baseline 2 against 1: L-DEV +120,000, total +120,000, M1 +45 days, FC +100,000
        JsonNode comparison = queries.get("auditor", api + "/baselines/2/comparison?against=1")
                .json();
        assertThat(comparison.path("total").path("variance").decimalValue()).isEqualByComparingTo("-120000");
        JsonNode secondView = queries.get("auditor", api + "/baselines/2").json();
        assertThat(secondView.path("hashMatches").asBoolean()).isTrue();
        JsonNode fromOne = queries.get("auditor", api + "/baselines/1/comparison?against=2")
                .json();
        assertThat(fromOne.path("total").path("variance").decimalValue()).isEqualByComparingTo("120000");
        assertThat(fromOne.path("milestones").get(0).path("varianceDays").asLong())
                .isEqualTo(45);
        assertThat(fromOne.path("contracts").get(0).path("variance").decimalValue())
                .isEqualByComparingTo("100000");

        // a forecast beyond tolerance: L-OPS to 560,000 is 60,000 over against 25,000 (5% of 500,000);
        // the total 1,680,000 is 60,000 over 1,620,000, within 81,000: only the line's exception
        Http.Response reforecast = commands.post("finance", api + "/budget/movements", """
                {"kind": "REFORECAST", "lineId": "L-OPS", "amount": 560000, "currency": "EUR",
                 "effectiveDate": "%s", "reason": "Energy prices"}""".formatted(today));
        assertThat(reforecast.status()).as(reforecast.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", api + "/exceptions?open=true")
                                .json()
                                .path("open")
                                .asLong())
                        .isEqualTo(1));
        JsonNode exception = queries.get("auditor", api + "/exceptions")
                .json()
                .path("exceptions")
                .get(0);
        assertThat(exception.path("exceptionId").asString()).isEqualTo("EX-1");
        assertThat(exception.path("breach").path("subject").asString()).isEqualTo("L-OPS");
        assertThat(exception.path("breach").path("variance").decimalValue()).isEqualByComparingTo("60000");
        assertThat(exception.path("breach").path("allowed").decimalValue()).isEqualByComparingTo("25000");
        String raisedBy = queries.get("auditor", api + "/audit-trail?kind=EXCEPTION")
                .json()
                .path("entries")
                .get(0)
                .path("actor")
                .asString();
        assertThat(raisedBy).isEqualTo("system:governance-ledger");

        Http.Response blocked = commit(program, "L-OPS", "PO-OPS-1");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(409);
        assertThat(blocked.text("rule")).isEqualTo("open-cost-exception");
        assertThat(commit(program, "L-DEV", "PO-DEV-1").status()).isEqualTo(201);

        String board = approvedDecision(program, "Exception plan for operations");
        ok(commands.post("pmo", api + "/exceptions/EX-1/decide", """
                {"decisionId": "%s", "response": "EXCEPTION_PLAN"}""".formatted(board)));
        assertThat(commit(program, "L-OPS", "PO-OPS-1").status()).isEqualTo(201);

        // the comparison against now: L-OPS estimate 560,000 against 500,000
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", api + "/exceptions?open=true")
                                .json()
                                .path("open")
                                .asLong())
                        .isZero());
        JsonNode now = queries.get("auditor", api + "/baselines/2/comparison").json();
        List<JsonNode> lines = now.path("costs").valueStream().toList();
        assertThat(lines).extracting(line -> line.path("lineId").asString()).containsExactly("L-DEV", "L-OPS");
        assertThat(lines.get(1).path("estimateVariance").decimalValue()).isEqualByComparingTo("60000");
        // both as reproducible reports at a ledger position: the same request gives the same bytes
        JsonNode register =
                queries.get("auditor", api + "/reports/change-register").json();
        assertThat(register.path("manifest").path("rows").asLong()).isEqualTo(1);
        assertThat(register.path("content").asString()).contains("CR-1,Second check-in hall,SCOPE,HIGH,CLOSED");
        long position = register.path("manifest").path("lastPosition").asLong();
        JsonNode againAt = queries.get("auditor", api + "/reports/change-register?position=" + position)
                .json();
        assertThat(againAt.path("manifest").path("contentSha256").asString())
                .isEqualTo(register.path("manifest").path("contentSha256").asString());
        JsonNode variance =
                queries.get("auditor", api + "/reports/baseline-comparison").json();
        assertThat(variance.path("content").asString())
                .contains("2,"
                        + secondView
                                .path("baselines")
                                .get(0)
                                .path("contentHash")
                                .asString() + ",cost,L-OPS,")
                .containsPattern(
                        ",cost,L-OPS,,500000(\\.00)?,500000(\\.00)?,0(\\.00)?,560000(\\.00)?,60000(\\.00)?\r\n");

        JsonNode milestones = queries.get("auditor", api + "/milestones").json();
        assertThat(milestones.path("baselineNumber").asInt()).isEqualTo(2);
        assertThat(milestones.path("milestones").get(0).path("baselineDate").asString())
                .isEqualTo("2027-08-14");
    }

    @Test
    void aMilestoneMayNeedOneOfAnotherProgramAndIsFlaggedWhenThatOneSlips() {
        String a = "DEP-A-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String b = "DEP-B-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String program : List.of(a, b)) {
            created(commands.post("pmo", "/api/programs", Bodies.program(program)));
        }
        created(commands.post("pmo", "/api/programs/" + b + "/milestones", """
                {"milestoneId": "B1", "name": "Network ready", "owner": "E. Wouters", "plannedDate": "2027-01-15"}"""));
        created(commands.post("pmo", "/api/programs/" + a + "/milestones", """
                {"milestoneId": "A1", "name": "Go-live", "owner": "B. Janssens", "plannedDate": "2027-02-01"}"""));
        created(commands.post("pmo", "/api/programs/" + a + "/milestones", """
                {"milestoneId": "A2", "name": "Acceptance", "owner": "C. Maes", "plannedDate": "2027-03-01"}"""));
        String links = "/api/programs/" + a + "/milestones/";
        ok(commands.post("pmo", links + "A1/dependencies", """
                {"dependsOnProgramId": "%s", "dependsOnMilestoneId": "B1"}""".formatted(b)));
        ok(commands.post("pmo", links + "A2/dependencies", "{\"dependsOnMilestoneId\": \"A1\"}"));
        Http.Response cycle = commands.post("pmo", links + "A1/dependencies", "{\"dependsOnMilestoneId\": \"A2\"}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.text("rule")).isEqualTo("no-cycle");
        Http.Response itself = commands.post("pmo", links + "A1/dependencies", "{\"dependsOnMilestoneId\": \"A1\"}");
        assertThat(itself.text("rule")).isEqualTo("not-itself");
        Http.Response unknown = commands.post("pmo", links + "A1/dependencies", """
                {"dependsOnProgramId": "%s", "dependsOnMilestoneId": "B9"}""".formatted(b));
        assertThat(unknown.text("rule")).isEqualTo("unknown-milestone");

        // B1 slips past A1: A1 is flagged, from the moment the forecast is known
        Instant beforeSlip = Instant.now();
        ok(commands.post("pmo", "/api/programs/" + b + "/milestones/B1/forecast", """
                {"forecastDate": "2027-02-20", "reason": "Cabling delayed"}"""));
        String milestones = "/api/programs/" + a + "/milestones";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                flagged(queries.get("auditor", milestones).json(), "A1"))
                        .isTrue());
        JsonNode a1 =
                queries.get("auditor", milestones).json().path("milestones").get(0);
        assertThat(a1.path("dependsOn").get(0).path("dateNow").asString()).isEqualTo("2027-02-20");
        assertThat(flagged(
                        queries.get("auditor", milestones + "?knownAt=" + beforeSlip)
                                .json(),
                        "A1"))
                .isFalse();
        assertThat(flagged(queries.get("auditor", milestones).json(), "A2")).isFalse();

        // a reader of A who may not see B learns neither B1's name nor its date, nor that it is late
        String reader = TestIssuer.matrixAccount("VIEWER", "program");
        created(commands.post(
                LedgerSystem.BOOTSTRAP_ADMINISTRATOR, "/api/programs/" + a + "/access/grants", """
                {"grantee": {"kind": "PERSON", "id": "%s"}, "role": "VIEWER", "reason": "Steering member"}""".formatted(reader)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(queries.get(reader, milestones).status()).isEqualTo(200));
        JsonNode seen =
                queries.get(reader, milestones).json().path("milestones").get(0);
        assertThat(seen.path("flagged").asBoolean()).isFalse();
        JsonNode hidden = seen.path("dependsOn").get(0);
        assertThat(hidden.path("visible").asBoolean()).isFalse();
        for (String field : List.of("name", "dateNow", "programId", "milestoneId")) {
            assertThat(hidden.path(field).isMissingNode() || hidden.path(field).isNull())
                    .as(field + " of a dependency the reader may not see")
                    .isTrue();
        }
        assertThat(queries.get(reader, "/api/programs/" + b + "/milestones").status())
                .isEqualTo(404);
    }

    private static boolean flagged(JsonNode view, String milestoneId) {
        return view.path("milestones")
                .valueStream()
                .filter(m -> m.path("milestoneId").asString().equals(milestoneId))
                .findFirst()
                .orElseThrow()
                .path("flagged")
                .asBoolean();
    }

    private String approvedDecision(String program, String title) {
        String decisions = "/api/programs/" + program + "/decisions";
        String decision = created(commands.post("pmo", decisions, Bodies.decision(title)));
        ok(commands.post("pmo", decisions + "/" + decision + "/approve", "{\"decidedOn\": \"" + today + "\"}"));
        return decision;
    }

    private Http.Response commit(String program, String line, String reference) {
        return commands.post("finance", "/api/programs/" + program + "/budget/movements", """
                {"kind": "COMMITMENT", "lineId": "%s", "amount": 1000, "currency": "EUR", "reference": "%s",
                 "effectiveDate": "%s", "reason": "Purchase order %s"}""".formatted(
                        line, reference, today, reference));
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void booked(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("BOOKED");
    }
}
