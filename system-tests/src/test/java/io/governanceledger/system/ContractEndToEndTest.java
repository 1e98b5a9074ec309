package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A contract manager registers a 15-year framework contract and runs its amendment history over
 * HTTP. Every figure asserted here is computed by hand in the comments.
 */
class ContractEndToEndTest {

    @Test
    void aFifteenYearFrameworkContractKeepsItsAmendmentHistoryWithinTheLaw() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        String program = "CONTRACT-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                        .status())
                .isEqualTo(201);
        String decision = commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Amend FC"))
                .text("id");
        commands.post(
                "pmo",
                "/api/programs/" + program + "/decisions/" + decision + "/approve",
                "{\"decidedOn\": \"2026-03-10\"}");
        String base = "/api/programs/" + program + "/contracts";

        Http.Response registered = commands.post("contracts", base, """
                {"reference": "FC-2024-01", "title": "Airport systems framework", "supplier": "Acme Systems",
                 "regime": "CLASSIC", "type": "SERVICES", "authority": "CENTRAL", "initialValue": 2000000.00,
                 "currency": "EUR", "startDate": "2024-01-01", "endDate": "2039-01-01",
                 "indexation": {"indexName": "Agoria labour cost", "baseValue": 100},
                 "reviewClauses": [{"clauseId": "R1", "description": "Passenger volume review", "maximumValue": 300000}],
                 "renewalNoticeDays": 180, "deMinimisCounting": "NET_CUMULATIVE"}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String contract = base + "/" + registered.text("id");
        assertThat(commands.post("pmo", base, "{}").status()).isEqualTo(403);

        // the index rises 4%: the reference value becomes 2,080,000
        assertThat(commands.post(
                                "contracts",
                                contract + "/index-values",
                                "{\"value\": 104.0, \"valueDate\": \"2025-01-01\", \"reason\": \"Agoria publication\"}")
                        .status())
                .isEqualTo(200);

        assertThat(amend(commands, contract, "DE_MINIMIS", null, "60000", 0, "2025-03-01", "2025-03-01", decision))
                .isEqualTo("ACCEPTED"); // 60,000 < 143,000 and < 208,000
        assertThat(amend(commands, contract, "REVIEW_CLAUSE", "R1", "250000", 12, "2025-09-01", "2025-10-01", decision))
                .isEqualTo("ACCEPTED"); // 250,000 <= 300,000; term +1 year
        assertThat(amend(commands, contract, "DE_MINIMIS", null, "90000", 0, "2026-02-01", "2026-02-01", decision))
                .isEqualTo("REJECTED de-minimis-eu-threshold"); // 150,000 not below 140,000 (2026)
        assertThat(amend(
                        commands,
                        contract,
                        "ADDITIONAL_WORKS",
                        null,
                        "900000",
                        0,
                        "2026-03-01",
                        "2026-03-01",
                        decision))
                .isEqualTo("ACCEPTED"); // 900,000 <= 50% of 2,080,000
        assertThat(amend(
                        commands,
                        contract,
                        "UNFORESEEABLE_CIRCUMSTANCES",
                        null,
                        "1040000.01",
                        0,
                        "2026-03-15",
                        "2026-03-15",
                        decision))
                .isEqualTo("REJECTED fifty-percent-cap");
        assertThat(amend(
                        commands, contract, "REVIEW_CLAUSE", "R1", "50000.01", 0, "2026-03-20", "2026-03-20", decision))
                .isEqualTo("REJECTED review-clause-maximum"); // 250,000 + 50,000.01 > 300,000
        assertThat(amend(commands, contract, "NON_SUBSTANTIAL", null, "10", 0, "2026-03-25", "2026-03-25", decision))
                .isEqualTo("REJECTED value-change-needs-value-basis");
        assertThat(amend(commands, contract, "DE_MINIMIS", null, "-20000", 0, "2026-04-01", "2026-04-01", decision))
                .isEqualTo("ACCEPTED"); // net 40,000

        Http.Response unauthorised = commands.post(
                "contracts",
                contract + "/amendments",
                amendment("DE_MINIMIS", null, "1", 0, "2026-04-02", "2026-04-02", "not-a-decision"));
        assertThat(unauthorised.status()).isEqualTo(400);
        assertThat(unauthorised.text("rule")).isEqualTo("approved-decision-required");

        assertThat(commands.post(
                                "contracts",
                                contract + "/call-offs",
                                "{\"reference\": \"Call-off 1\", \"value\": 1000000, \"placedOn\": \"2025-06-01\", \"reason\": \"Phase 1\"}")
                        .status())
                .isEqualTo(201);
        Http.Response tooBig = commands.post(
                "contracts",
                contract + "/call-offs",
                "{\"reference\": \"Call-off 2\", \"value\": 2190000.01, \"placedOn\": \"2026-05-01\", \"reason\": \"Phase 2\"}");
        assertThat(tooBig.status()).isEqualTo(409); // 1,000,000 + 2,190,000.01 > 3,190,000
        assertThat(tooBig.text("rule")).isEqualTo("exceeds-contract-value");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", contract)
                                .json()
                                .path("rejected")
                                .size())
                        .isEqualTo(4));
        JsonNode view = queries.get("auditor", contract).json();
        assertThat(view.path("outstandingPublicationNotices")
                        .valueStream()
                        .map(JsonNode::asInt)
                        .toList())
                .containsExactly(3);

        assertThat(commands.post(
                                "contracts",
                                contract + "/amendments/3/publication-notice",
                                "{\"noticeReference\": \"OJ S 2026/065-201234\", \"publishedOn\": \"2026-04-03\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(queries.get("auditor", contract)
                                .json()
                                .path("outstandingPublicationNotices")
                                .size())
                        .isZero());

        view = queries.get("auditor", contract).json();
        // 2,000,000 + 60,000 + 250,000 + 900,000 - 20,000
        assertThat(view.path("currentValue").decimalValue()).isEqualByComparingTo("3190000.00");
        assertThat(view.path("endDate").asString()).isEqualTo("2040-01-01");
        assertThat(view.path("referenceValue").decimalValue()).isEqualByComparingTo("2080000.00");
        assertThat(view.path("calledOff").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(view.path("remainingValue").decimalValue()).isEqualByComparingTo("2190000.00");
        JsonNode deMinimis = view.path("deMinimis");
        assertThat(deMinimis.path("netCumulative").decimalValue()).isEqualByComparingTo("40000");
        assertThat(deMinimis.path("absoluteCumulative").decimalValue()).isEqualByComparingTo("80000");
        assertThat(deMinimis.path("netPercentOfReference").decimalValue())
                .isEqualByComparingTo("1.92"); // 40,000 / 2,080,000
        assertThat(deMinimis.path("absolutePercentOfReference").decimalValue())
                .isEqualByComparingTo("3.85"); // 80,000 / 2,080,000
        List<JsonNode> amendments = view.path("amendments").valueStream().toList();
        assertThat(amendments).extracting(a -> a.path("number").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(amendments)
                .extracting(a ->
                        a.path("valueAfter").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("2060000", "2310000", "3210000", "3190000");
        assertThat(amendments.get(0).path("authorisingDecisionTitle").asString())
                .isEqualTo("Amend FC");
        JsonNode rejectedFirst = view.path("rejected").get(0);
        assertThat(rejectedFirst.path("rule").asString()).isEqualTo("de-minimis-eu-threshold");
        assertThat(rejectedFirst.path("figures").path("euThreshold").decimalValue())
                .isEqualByComparingTo("140000");
        assertThat(rejectedFirst.path("figures").path("netCumulative").decimalValue())
                .isEqualByComparingTo("150000");
        assertThat(view.path("deadlines").path("renewalNoticeDeadline").asString())
                .isEqualTo("2039-07-05");
        assertThat(view.path("deadlines").path("renewalNoticeState").asString()).isEqualTo("UPCOMING");

        // as it stood at the end of 2025: the first two amendments only; the index value was known
        JsonNode endOf2025 =
                queries.get("auditor", contract + "?asOf=2025-12-31").json();
        assertThat(endOf2025.path("currentValue").decimalValue()).isEqualByComparingTo("2310000.00");
        assertThat(endOf2025.path("rejected").size()).isZero();
        // before the review amendment took effect (1 October 2025)
        JsonNode september =
                queries.get("auditor", contract + "?asOf=2025-09-30").json();
        assertThat(september.path("currentValue").decimalValue()).isEqualByComparingTo("2060000.00");
        assertThat(september.path("endDate").asString()).isEqualTo("2039-01-01");
        assertThat(queries.get("auditor", base + "/NOPE").status()).isEqualTo(404);
        assertThat(queries.get("auditor", base).json().size()).isEqualTo(1);
    }

    @Test
    void aRenewalNoticeNobodySentIsReportedDueThenOverdueUntilItIsRecorded() {
        LedgerSystem system = LedgerSystem.shared();
        Http commands = system.startedCommands();
        Http queries = system.startedQueries();
        String program = "NOTICE-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(program))
                        .status())
                .isEqualTo(201);
        String base = "/api/programs/" + program + "/contracts";
        // ends in six months with a year's notice: the notice was due six months ago, and nobody sent it
        // (dates from today: a fixed end date passes, and the contract then ends instead)
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        LocalDate end = today.plusMonths(6);
        Http.Response registered = commands.post("contracts", base, """
                {"reference": "MC-2021-07", "title": "Maintenance contract", "supplier": "Beta Services",
                 "regime": "CLASSIC", "type": "SERVICES", "authority": "OTHER", "initialValue": 480000,
                 "currency": "EUR", "startDate": "2024-01-01", "endDate": "%s",
                 "renewalNoticeDays": 365, "deMinimisCounting": "ABSOLUTE_CUMULATIVE"}""".formatted(end));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String contract = base + "/" + registered.text("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deadlines = queries.get("contracts", contract).json().path("deadlines");
            assertThat(deadlines.path("renewalNoticeDeadline").asString())
                    .isEqualTo(end.minusDays(365).toString());
            assertThat(deadlines.path("renewalNoticeState").asString()).isEqualTo("OVERDUE");
        });
        List<String> raised = system.jdbc()
                .sql("""
                                                SELECT payload_type FROM event_store.domain_event_entry
                                                WHERE aggregate_identifier = ? ORDER BY sequence_number
                                                """)
                .param(registered.text("id"))
                .query(String.class)
                .list();
        // both deadlines had passed at registration: "due" is raised only if it runs before "overdue"
        List<String> names = raised.stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
        assertThat(names).first().isEqualTo("ContractRegisteredEvent");
        assertThat(names).last().isEqualTo("RenewalNoticeOverdueEvent");
        assertThat(names)
                .containsAnyOf("RenewalNoticeDueEvent", "RenewalNoticeOverdueEvent")
                .hasSizeBetween(2, 3);
        String actor = system.jdbc()
                .sql("""
                                         SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM event_store.domain_event_entry
                                         WHERE aggregate_identifier = ? AND sequence_number = 1
                                         """)
                .param(registered.text("id"))
                .query(String.class)
                .single();
        assertThat(actor).isEqualTo("system:governance-ledger");

        assertThat(commands.post(
                                "contracts",
                                contract + "/renewal-notice",
                                "{\"choice\": \"TERMINATE\", \"sentOn\": \"" + today.minusDays(2)
                                        + "\", \"reason\": \"Letter ref. 2026/015\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deadlines = queries.get("contracts", contract).json().path("deadlines");
            assertThat(deadlines.path("renewalNoticeState").asString()).isEqualTo("RECORDED");
            assertThat(deadlines.path("renewalChoice").asString()).isEqualTo("TERMINATE");
            assertThat(deadlines.path("termState").asString()).isEqualTo("RUNNING");
        });
        Http.Response again = commands.post(
                "contracts",
                contract + "/renewal-notice",
                "{\"choice\": \"RENEW\", \"sentOn\": \"" + today.minusDays(1) + "\", \"reason\": \"r\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    private static String amend(
            Http commands,
            String contract,
            String basis,
            String clause,
            String delta,
            int months,
            String signedOn,
            String effectiveFrom,
            String decision) {
        Http.Response response = commands.post(
                "contracts",
                contract + "/amendments",
                amendment(basis, clause, delta, months, signedOn, effectiveFrom, decision));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String status = response.text("status");
        return status.equals("REJECTED") ? status + " " + response.text("rule") : status;
    }

    private static String amendment(
            String basis,
            String clause,
            String delta,
            int months,
            String signedOn,
            String effectiveFrom,
            String decision) {
        return """
               {"legalBasis": "%s", "reviewClauseId": %s, "valueDelta": %s,%s
                "scope": "Scope of the %s amendment", "signatories": ["A. Peeters", "Acme Systems"],
                "signedOn": "%s", "effectiveFrom": "%s", "authorisingDecisionId": "%s", "reason": "Amendment"}""".formatted(
                        basis,
                        clause == null ? "null" : "\"" + clause + "\"",
                        delta,
                        months == 0 ? "" : " \"termDeltaMonths\": " + months + ",",
                        basis,
                        signedOn,
                        effectiveFrom,
                        decision);
    }
}
