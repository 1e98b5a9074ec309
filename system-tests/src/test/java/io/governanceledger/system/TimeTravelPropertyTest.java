package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.governanceledger.query.audit.AuditTrailView;
import io.governanceledger.query.audit.FindAuditTrailQuery;
import io.governanceledger.query.budget.BudgetLineLineageView;
import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.DelegationView;
import io.governanceledger.query.budget.FindBudgetLineLineageQuery;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.budget.FindDelegationsQuery;
import io.governanceledger.query.budget.FindMovementQuery;
import io.governanceledger.query.budget.FindMovementsQuery;
import io.governanceledger.query.budget.FindPendingApprovalsQuery;
import io.governanceledger.query.budget.MovementLedgerView;
import io.governanceledger.query.budget.MovementView;
import io.governanceledger.query.changes.BaselineComparisonView;
import io.governanceledger.query.changes.BaselinesView;
import io.governanceledger.query.changes.ChangePlanView;
import io.governanceledger.query.changes.ChangeRegisterView;
import io.governanceledger.query.changes.ChangeRequestView;
import io.governanceledger.query.changes.ExceptionsView;
import io.governanceledger.query.changes.FindBaselineComparisonQuery;
import io.governanceledger.query.changes.FindBaselinesQuery;
import io.governanceledger.query.changes.FindChangePlanQuery;
import io.governanceledger.query.changes.FindChangeRequestQuery;
import io.governanceledger.query.changes.FindChangeRequestsQuery;
import io.governanceledger.query.changes.FindExceptionsQuery;
import io.governanceledger.query.changes.FindMilestonesQuery;
import io.governanceledger.query.changes.MilestonesView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractQuery;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.DecisionView;
import io.governanceledger.query.decisions.FindDecisionQuery;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.FindProgramQuery;
import io.governanceledger.query.programs.ProgramView;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/**
 * Property: for random histories recorded over HTTP (back-dated corrections, amendments and movements
 * effective in the future, superseded and revoked decisions) and random points on both clocks, every
 * view answered by the bitemporal read models equals, field for field, the same view answered from a
 * full replay of the events recorded by knownAt and effective by asOf ({@link ReplayReference}).
 * Seeded and reproducible: {@code -Dtimetravel.seed=...}, {@code -Dtimetravel.cases=...}.
 */
class TimeTravelPropertyTest {

    private static final long SEED = Long.getLong("timetravel.seed", 20261121L);
    private static final int CASES = Integer.getInteger("timetravel.cases", 150);
    private static final int HISTORIES = 2;

    @Test
    void everyViewAtRandomPointsOnBothClocksEqualsAFullReplay() {
        Random random = new Random(SEED);
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            LedgerSystem.Service query = system.startQueryService();
            Http queries = query.http();
            List<History> histories = new ArrayList<>();
            for (int h = 0; h < HISTORIES; h++) {
                histories.add(History.record(commands, random, "TT" + h + "-" + SEED));
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(behind(queries)).isZero());
            List<Instant> recorded = system
                    .jdbc()
                    .sql("SELECT recorded_at FROM event_store.ledger_entry ORDER BY position")
                    .query(OffsetDateTime.class)
                    .list()
                    .stream()
                    .map(OffsetDateTime::toInstant)
                    .toList();
            QueryGateway gateway = query.context().getBean(QueryGateway.class);
            BusinessClock clock = query.context().getBean(BusinessClock.class);
            ReplayReference reference = ReplayReference.of(query.context());

            int views = 0;
            for (int i = 0; i < CASES; i++) {
                History history = histories.get(random.nextInt(histories.size()));
                Instant knownAt = recorded.get(random.nextInt(recorded.size()));
                if (random.nextBoolean()) {
                    knownAt = knownAt.minus(1, ChronoUnit.MICROS);
                }
                LocalDate date = LocalDate.of(2023, 10, 1).plusDays(random.nextInt(365 * 5));
                // a date (to the end of that day) or, one time in four, an instant within it
                AsOf asOf = random.nextInt(4) > 0
                        ? AsOf.of(date)
                        : AsOf.of(date.atStartOfDay(java.time.ZoneId.of("Europe/Brussels"))
                                .toInstant()
                                .plusSeconds(random.nextInt(86_400)));
                Instant c = knownAt;
                Map<String, Object> fast = history.views(gateway, clock, asOf, c);
                Map<String, Object> replayed =
                        reference.answer(history.program, asOf, c, () -> history.views(gateway, clock, asOf, c));
                for (String view : fast.keySet()) {
                    assertThat(json(fast.get(view)))
                            .as("case %d (seed %d): %s asOf %s knownAt %s", i, SEED, view, asOf, c)
                            .isEqualTo(json(replayed.get(view)));
                    views++;
                }
            }
            assertThat(views).isGreaterThan(CASES * 5);
        }
    }

    private static String json(Object answer) {
        return answer instanceof java.util.Optional<?> optional
                ? optional.map(LedgerSerializer::toJson).orElse("(none)")
                : LedgerSerializer.toJson(answer);
    }

    private static long behind(Http queries) {
        var details = queries.get("auditor", "/actuator/health")
                .json()
                .path("components")
                .path("projections")
                .path("details");
        long behind = 0;
        for (String processor : details.propertyNames()) {
            behind += details.path(processor).path("behind").asLong();
        }
        return behind;
    }

    /** One program's history, recorded over HTTP as its users would, with dates drawn at random. */
    private static final class History {

        final String program;
        final List<String> decisions = new ArrayList<>();
        final List<String> contracts = new ArrayList<>();
        final List<String> movements = new ArrayList<>();
        final List<String> changeRequests = new ArrayList<>();

        private History(String program) {
            this.program = program;
        }

        static History record(Http commands, Random random, String program) {
            History history = new History(program);
            LocalDate today = LocalDate.now();
            ok(commands.post("pmo", "/api/programs", Bodies.program(program)));
            String base = "/api/programs/" + program;

            // the decision that authorises contract amendments: sometimes taken after some of them take effect
            LocalDate authorised = LocalDate.of(2024, 2, 1).plusDays(random.nextInt(700));
            String authority = history.decide(commands, base, authorised, "Amendment authority");
            ok(commands.post(
                    "pmo",
                    base + "/decisions/" + authority + "/approve",
                    "{\"decidedOn\": \"%s\", \"reason\": \"SC minutes\"}".formatted(authorised)));
            for (int d = 0; d < 6; d++) {
                LocalDate meeting = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(900));
                if (!meeting.isBefore(today)) {
                    meeting = today.minusDays(1 + random.nextInt(30));
                }
                String id = history.decide(commands, base, meeting, "Decision " + d);
                LocalDate decided = min(meeting.plusDays(random.nextInt(20)), today);
                String path = base + "/decisions/" + id;
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        LocalDate effective = decided.plusDays(random.nextInt(400));
                        ok(commands.post(
                                "pmo",
                                path + "/approve",
                                "{\"decidedOn\": \"%s\", \"effectiveFrom\": \"%s\"}".formatted(decided, effective)));
                        LocalDate later = min(decided.plusDays(1 + random.nextInt(300)), today);
                        if (random.nextBoolean()) {
                            ok(commands.post(
                                    "pmo", path + "/revoke", """
                                    {"revokedOn": "%s", "effectiveFrom": "%s", "reason": "No longer needed"}""".formatted(later, later.plusDays(random.nextInt(90)))));
                        } else {
                            ok(commands.post(
                                    "pmo",
                                    path + "/supersede",
                                    decisionBody("Replacing " + d, later, "\"" + later + "\"")));
                        }
                    }
                    case 2 ->
                        ok(commands.post(
                                "pmo",
                                path + "/reject",
                                "{\"decidedOn\": \"%s\", \"reason\": \"Too costly\"}".formatted(decided)));
                    case 3 ->
                        ok(commands.post(
                                "pmo",
                                path + "/defer",
                                "{\"decidedOn\": \"%s\", \"reason\": \"More data\"}".formatted(decided)));
                    default -> {
                        // stays proposed
                    }
                }
            }
            history.budget(commands, random, today);
            history.contract(commands, random, base, authority, today);
            history.changes(commands, random, base, authority, today);
            return history;
        }

        private void budget(Http commands, Random random, LocalDate today) {
            String budget = "/api/programs/" + program + "/budget";
            ok(commands.post(
                    "finance",
                    budget + "/lines",
                    "{\"lineId\": \"L1\", \"workstream\": \"Infra\", \"category\": \"CAPEX\", \"fiscalYear\": 2025}"));
            ok(commands.post(
                    "finance",
                    budget + "/lines",
                    "{\"lineId\": \"L2\", \"workstream\": \"Apps\", \"category\": \"OPEX\", \"fiscalYear\": 2026}"));
            ok(commands.post(
                    "finance",
                    budget + "/policy",
                    "{\"fourEyesThreshold\": 500000, \"approvalWindowDays\": 30, \"reason\": \"Policy FP-1\"}"));
            for (String[] grant : new String[][] {
                {"cfo", "finance", "100000"}, {"finance", "controller", "1500000"},
                {"finance", "cfo", "2000000"}, {"finance", "pmo", "50000"}
            }) {
                Http.Response granted =
                        commands.post(grant[0], budget + "/delegations", """
                        {"holder": "%s", "maxAmount": %s, "currency": "EUR", "validFrom": "2024-01-01",
                         "validTo": "2039-01-01", "reason": "Delegation DA-%s"}""".formatted(grant[1], grant[2], grant[1]));
                ok(granted);
                if (grant[1].equals("pmo")) {
                    ok(commands.post(
                            "cfo",
                            budget + "/delegations/" + granted.text("id") + "/revoke",
                            "{\"reason\": \"Moved to another programme\"}"));
                }
            }
            for (String line : List.of("L1", "L2")) {
                LocalDate date = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(500));
                String id = move(commands, budget, "ALLOCATION", line, null, "1200000.00", null, date);
                if (id != null) {
                    commands.post("controller", budget + "/movements/" + id + "/approve", "{}");
                    commands.post("cfo", budget + "/movements/" + id + "/approve", "{}");
                }
            }
            // above finance's own limit, so pending: one refused before its (future) date, one left waiting
            for (int p = 0; p < 2; p++) {
                LocalDate date = today.plusDays(20 + random.nextInt(200));
                String pending = move(commands, budget, "TRANSFER", "L1", "L2", "150000.00", null, date);
                if (pending != null && p == 0) {
                    ok(commands.post(
                            "controller",
                            budget + "/movements/" + pending + "/refuse",
                            "{\"reason\": \"Not in this year's plan\"}"));
                }
            }
            int orders = 0;
            for (int m = 0; m < 14; m++) {
                String line = random.nextBoolean() ? "L1" : "L2";
                LocalDate date = LocalDate.of(2024, 9, 1).plusDays(random.nextInt(900));
                if (date.isAfter(today)) {
                    date = today.minusDays(random.nextInt(60));
                }
                String amount =
                        BigDecimal.valueOf(1 + random.nextInt(9_000_000), 2).toPlainString();
                switch (random.nextInt(4)) {
                    case 0 -> move(commands, budget, "COMMITMENT", line, null, amount, "PO-" + (++orders), date);
                    case 1 ->
                        move(commands, budget, "TRANSFER", line, line.equals("L1") ? "L2" : "L1", amount, null, date);
                    case 2 -> move(commands, budget, "REFORECAST", line, null, "900000.00", null, date);
                    default -> {
                        if (orders > 0) {
                            move(commands, budget, "RELEASE", line, null, "0.01", null, date);
                        }
                    }
                }
            }
        }

        private void contract(Http commands, Random random, String base, String authority, LocalDate today) {
            Http.Response registered = commands.post("contracts", base + "/contracts", """
                    {"reference": "FC-%s", "title": "Systems framework", "supplier": "Acme Systems",
                     "regime": "CLASSIC", "type": "SERVICES", "authority": "CENTRAL", "initialValue": 2000000.00,
                     "currency": "EUR", "startDate": "2024-01-01", "endDate": "2039-01-01",
                     "indexation": {"indexName": "Agoria labour cost", "baseValue": 100},
                     "reviewClauses": [{"clauseId": "R1", "description": "Volume review", "maximumValue": 300000}],
                     "renewalNoticeDays": 180, "deMinimisCounting": "NET_CUMULATIVE"}""".formatted(program));
            ok(registered);
            String contract = base + "/contracts/" + registered.text("id");
            contracts.add(registered.text("id"));
            ok(commands.post(
                    "contracts",
                    contract + "/index-values",
                    "{\"value\": 104.0, \"valueDate\": \"2025-01-01\", \"reason\": \"Agoria publication\"}"));
            int accepted = 0;
            for (int a = 0; a < 6; a++) {
                LocalDate effective = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(1400));
                LocalDate signed = min(effective, today);
                String delta = BigDecimal.valueOf(random.nextInt(6_000_000) - 2_000_000, 2)
                        .toPlainString();
                boolean review = random.nextInt(3) == 0;
                Http.Response amended = commands.post("contracts", contract + "/amendments", """
                        {"legalBasis": "%s", "reviewClauseId": %s, "valueDelta": %s, "termDeltaMonths": %d,
                         "scope": "Scope %d", "signatories": ["A. Peeters", "Acme Systems"], "signedOn": "%s",
                         "effectiveFrom": "%s", "authorisingDecisionId": "%s", "reason": "Amendment %d"}""".formatted(
                                review ? "REVIEW_CLAUSE" : "DE_MINIMIS",
                                review ? "\"R1\"" : "null",
                                review ? delta.replace("-", "") : delta,
                                random.nextInt(3) * 6,
                                a,
                                signed,
                                effective,
                                authority,
                                a));
                if (amended.status() == 201 && "ACCEPTED".equals(amended.text("status"))) {
                    accepted++;
                }
            }
            LocalDate worksFrom = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(800));
            Http.Response works = commands.post(
                    "contracts", contract + "/amendments", """
                    {"legalBasis": "ADDITIONAL_WORKS", "valueDelta": 100000, "scope": "Extension", "signatories": ["A"],
                     "signedOn": "%s", "effectiveFrom": "%s", "authorisingDecisionId": "%s", "reason": "Works"}""".formatted(min(worksFrom, today), worksFrom, authority));
            if (works.status() == 201 && "ACCEPTED".equals(works.text("status"))) {
                int number = accepted + 1;
                LocalDate published = min(min(worksFrom, today).plusDays(random.nextInt(90)), today);
                ok(commands.post(
                        "contracts",
                        contract + "/amendments/" + number + "/publication-notice",
                        "{\"noticeReference\": \"OJ S %d\", \"publishedOn\": \"%s\"}".formatted(number, published)));
            }
            ok(commands.post(
                    "contracts",
                    contract + "/renewal-notice",
                    "{\"choice\": \"RENEW\", \"sentOn\": \"%s\", \"reason\": \"Renewal decided\"}"
                            .formatted(today.minusDays(random.nextInt(400)))));
            for (int c = 0; c < 3; c++) {
                LocalDate placed = min(LocalDate.of(2024, 2, 1).plusDays(random.nextInt(1000)), today);
                commands.post("contracts", contract + "/call-offs", """
                        {"reference": "Call-off %d", "value": %d, "placedOn": "%s", "reason": "Phase %d"}""".formatted(
                                c, 50_000 + random.nextInt(150_000), placed, c));
            }
        }

        /**
         * Change control: milestones, scope, a baseline and tolerances; a change request decided on a past
         * day and implemented (an allocation and a milestone move under it, a new baseline, a scope item
         * beyond the scope tolerance, which raises an exception); another withdrawn.
         */
        private void changes(Http commands, Random random, String base, String authority, LocalDate today) {
            LocalDate m1 = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(900));
            ok(commands.post("pmo", base + "/milestones", """
                    {"milestoneId": "M1", "name": "Go-live", "owner": "B. Janssens", "plannedDate": "%s"}""".formatted(m1)));
            ok(commands.post("pmo", base + "/milestones", """
                    {"milestoneId": "M2", "name": "Acceptance", "owner": "C. Maes", "plannedDate": "%s"}""".formatted(
                            LocalDate.of(2025, 1, 1).plusDays(random.nextInt(900)))));
            ok(commands.post("pmo", base + "/milestones/M2/dependencies", "{\"dependsOnMilestoneId\": \"M1\"}"));
            ok(commands.post("pmo", base + "/scope-items", "{\"itemId\": \"S1\", \"name\": \"Kiosks\"}"));
            ok(commands.post(
                    "pmo", base + "/baselines", "{\"name\": \"Plan\", \"decisionId\": \"" + authority + "\"}"));
            ok(commands.post(
                    "pmo", base + "/tolerances", """
                    {"decisionId": "%s", "costPercent": %d, "timeDays": %d, "scopeItems": 0}""".formatted(authority, 1 + random.nextInt(10), random.nextInt(40))));
            for (String id : List.of("CR-1", "CR-2")) {
                ok(commands.post("pmo", base + "/change-requests", """
                        {"title": "Change %s", "description": "Why", "type": "SCOPE", "urgency": "HIGH",
                         "requestedBy": {"organisation": "Operations", "person": "D. Claes"},
                         "affected": [{"kind": "MILESTONE", "reference": "M1"}]}""".formatted(id)));
                changeRequests.add(id);
            }
            ok(commands.post("pmo", base + "/change-requests/CR-2/withdraw", "{\"reason\": \"Overtaken\"}"));
            String cr = base + "/change-requests/CR-1";
            int days = 1 + random.nextInt(60);
            ok(commands.post("finance", cr + "/assessment", "{}"));
            ok(commands.post("finance", cr + "/assessments", """
                    {"costs": [{"lineId": "L1", "amount": 100000}], "schedule": [{"milestoneId": "M1", "days": %d}],
                     "scope": "More", "risk": "Some"}""".formatted(days)));
            LocalDate meeting = today.minusDays(1 + random.nextInt(200));
            String decision = decide(commands, base, meeting, "Approve CR-1");
            ok(commands.post("pmo", cr + "/submit", "{\"decisionId\": \"" + decision + "\"}"));
            ok(commands.post("pmo", base + "/decisions/" + decision + "/approve", """
                    {"decidedOn": "%s", "conditions": "Within budget"}""".formatted(
                            min(meeting.plusDays(random.nextInt(10)), today))));
            ok(commands.post("pmo", cr + "/implementation", "{}"));
            move(
                    commands,
                    base + "/budget",
                    "ALLOCATION",
                    "L1",
                    null,
                    "100000.00",
                    null,
                    min(meeting.plusDays(random.nextInt(100)), today));
            ok(commands.post("pmo", base + "/milestones/M1/forecast", """
                    {"forecastDate": "%s", "reason": "Change CR-1", "changeRequestId": "CR-1"}""".formatted(m1.plusDays(days))));
            if (random.nextBoolean()) {
                ok(commands.post(
                        "pmo", base + "/baselines", "{\"name\": \"After CR-1\", \"changeRequestId\": \"CR-1\"}"));
            }
            ok(commands.post("pmo", base + "/scope-items", """
                    {"itemId": "S2", "name": "Bag drop", "changeRequestId": "CR-1"}"""));
        }

        private String decide(Http commands, String base, LocalDate meeting, String title) {
            Http.Response response = commands.post("pmo", base + "/decisions", decisionBody(title, meeting, "null"));
            ok(response);
            decisions.add(response.text("id"));
            return response.text("id");
        }

        private String move(
                Http commands,
                String budget,
                String kind,
                String line,
                String to,
                String amount,
                String reference,
                LocalDate date) {
            Http.Response response = commands.post("finance", budget + "/movements", """
                    {"kind": "%s", "lineId": "%s", "toLineId": %s, "amount": %s, "currency": "EUR", "reference": %s,
                     "commitmentReference": null, "effectiveDate": "%s", "reason": "%s"}""".formatted(
                            kind,
                            line,
                            to == null ? "null" : "\"" + to + "\"",
                            amount,
                            reference == null ? "null" : "\"" + reference + "\"",
                            date,
                            kind));
            if (response.status() != 201) {
                return null;
            }
            movements.add(response.text("id"));
            return response.text("id");
        }

        /** Every view of the program at one point on both clocks, by name. */
        Map<String, Object> views(QueryGateway gateway, BusinessClock clock, AsOf asOf, Instant knownAt) {
            PointInTime point = PointInTime.of(asOf, knownAt, clock);
            Map<String, Object> views = new LinkedHashMap<>();
            views.put(
                    "program",
                    gateway.query(
                                    new FindProgramQuery(program, point),
                                    ResponseTypes.optionalInstanceOf(ProgramView.class))
                            .join());
            views.put(
                    "register",
                    gateway.query(
                                    new FindDecisionsQuery(program, null, null, null, 0, 1000, point),
                                    ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                            .join());
            for (String decision : decisions) {
                views.put(
                        "decision " + decision,
                        gateway.query(
                                        new FindDecisionQuery(program, decision, point),
                                        ResponseTypes.optionalInstanceOf(DecisionView.class))
                                .join());
            }
            views.put(
                    "budget",
                    gateway.query(
                                    new FindBudgetQuery(program, point),
                                    ResponseTypes.optionalInstanceOf(BudgetView.class))
                            .join());
            views.put(
                    "movements",
                    gateway.query(
                                    new FindMovementsQuery(program, null, null, null, null, null, null, 0, 0, point),
                                    ResponseTypes.optionalInstanceOf(MovementLedgerView.class))
                            .join());
            for (String movement : movements) {
                views.put(
                        "movement " + movement,
                        gateway.query(
                                        new FindMovementQuery(program, movement, point),
                                        ResponseTypes.optionalInstanceOf(MovementView.class))
                                .join());
            }
            views.put(
                    "delegations",
                    gateway.query(
                                    new FindDelegationsQuery(program, point),
                                    ResponseTypes.multipleInstancesOf(DelegationView.class))
                            .join());
            for (String approver : List.of("controller", "cfo")) {
                views.put(
                        "pending approvals of " + approver,
                        gateway.query(
                                        new FindPendingApprovalsQuery(approver, program, point, null),
                                        ResponseTypes.multipleInstancesOf(MovementView.class))
                                .join());
            }
            for (String line : List.of("L1", "L2")) {
                views.put(
                        "lineage " + line,
                        gateway.query(
                                        new FindBudgetLineLineageQuery(program, line, point),
                                        ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                                .join());
            }
            views.put(
                    "audit trail",
                    gateway.query(
                                    new FindAuditTrailQuery(
                                            program, null, null, null, null, null, null, null, null, 0, 1000, point,
                                            true),
                                    ResponseTypes.optionalInstanceOf(AuditTrailView.class))
                            .join());
            for (String contract : contracts) {
                views.put(
                        "contract " + contract,
                        gateway.query(
                                        new FindContractQuery(program, contract, point),
                                        ResponseTypes.optionalInstanceOf(ContractView.class))
                                .join());
            }
            views.put(
                    "change register",
                    gateway.query(
                                    new FindChangeRequestsQuery(program, null, point),
                                    ResponseTypes.optionalInstanceOf(ChangeRegisterView.class))
                            .join());
            for (String changeRequest : changeRequests) {
                views.put(
                        "change request " + changeRequest,
                        gateway.query(
                                        new FindChangeRequestQuery(program, changeRequest, point),
                                        ResponseTypes.optionalInstanceOf(ChangeRequestView.class))
                                .join());
            }
            views.put(
                    "milestones",
                    gateway.query(
                                    new FindMilestonesQuery(program, point, null),
                                    ResponseTypes.optionalInstanceOf(MilestonesView.class))
                            .join());
            views.put(
                    "baselines",
                    gateway.query(
                                    new FindBaselinesQuery(program, null, point),
                                    ResponseTypes.optionalInstanceOf(BaselinesView.class))
                            .join());
            views.put(
                    "baseline 1",
                    gateway.query(
                                    new FindBaselinesQuery(program, 1, point),
                                    ResponseTypes.optionalInstanceOf(BaselinesView.class))
                            .join());
            views.put(
                    "baseline 1 against now",
                    gateway.query(
                                    new FindBaselineComparisonQuery(program, 1, null, point),
                                    ResponseTypes.optionalInstanceOf(BaselineComparisonView.class))
                            .join());
            views.put(
                    "baseline 1 against 2",
                    gateway.query(
                                    new FindBaselineComparisonQuery(program, 1, 2, point),
                                    ResponseTypes.optionalInstanceOf(BaselineComparisonView.class))
                            .join());
            views.put(
                    "exceptions",
                    gateway.query(
                                    new FindExceptionsQuery(program, false, point),
                                    ResponseTypes.optionalInstanceOf(ExceptionsView.class))
                            .join());
            views.put(
                    "scope and tolerances",
                    gateway.query(
                                    new FindChangePlanQuery(program, point),
                                    ResponseTypes.optionalInstanceOf(ChangePlanView.class))
                            .join());
            return views;
        }

        private static String decisionBody(String title, LocalDate meeting, String decidedOn) {
            return """
                   {"title": "%s", "context": "Context", "options": [{"key": "A", "description": "Keep"},
                    {"key": "B", "description": "Change"}], "chosenOption": "B", "rationale": "Because",
                    "decidingBody": "Steering Committee", "meetingDate": "%s", "decidedOn": %s,
                    "participants": ["A. Peeters"], "quorum": 1, "links": [], "reason": "SC minutes"}""".formatted(title, meeting, decidedOn);
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static void ok(Http.Response response) {
            assertThat(response.status()).as(response.body()).isBetween(200, 201);
        }
    }
}
