package io.governanceledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 10, change control: what it costs the records it watches and what it costs to read. Two
 * programs alike, one under change control (milestones, scope, a baseline, tolerances, change requests
 * in every state, an open cost exception on one line) and one without, in the same run: a booking on
 * the governed program runs the tolerance check and a commitment the exception check, in the booking's
 * own transaction; the plain program's same command is the baseline. A change request raised against a
 * decision recorded, and a change request's view (with its trace) against a decision's.
 */
final class ChangeControlScenario extends Scenario {

    private static final int REQUESTS = 20;
    private static final int MILESTONES = 12;

    ChangeControlScenario(Scenario.Context context) {
        super(context);
    }

    void changeControl() {
        log("10. change control: bookings and commitments with and without it, change requests, their views ...");
        Workload plain = Workload.program(api, "CC-PLAIN");
        Workload governed = Workload.program(api, "CC-GOVERNED");
        String program = "/api/programs/CC-GOVERNED";
        for (Workload workload : List.of(plain, governed)) {
            workload.allocate("500000.00", "2026-01-15");
            api.command("finance", "/api/programs/" + workload.programId() + "/budget/movements", """
                    {"kind": "ALLOCATION", "lineId": "OPS-OPEX", "amount": 500000, "currency": "EUR",
                     "effectiveDate": "2026-01-15", "reason": "Operations budget"}""");
        }
        String plan = governed.recordDecision();
        governed.approve(plan);
        for (int m = 1; m <= MILESTONES; m++) {
            api.command("pmo", program + "/milestones", """
                    {"milestoneId": "M%d", "name": "Milestone %d", "owner": "B. Janssens", "plannedDate": "2027-%02d-15"}""".formatted(m, m, m));
            api.command("pmo", program + "/scope-items", """
                    {"itemId": "S%d", "name": "Deliverable %d"}""".formatted(m, m));
        }
        api.command("pmo", program + "/baselines", "{\"name\": \"Plan\", \"decisionId\": \"" + plan + "\"}");
        // wide enough that the bookings measured raise nothing; one line's forecast leaves it below
        api.command("pmo", program + "/tolerances", """
                {"decisionId": "%s", "costAmount": 100000000, "timeDays": 30, "scopeItems": 2}""".formatted(plan));
        List<String> requests = new ArrayList<>();
        for (int r = 1; r <= REQUESTS; r++) {
            requests.add(raise(program, r).json().path("id").asText());
        }
        for (int r = 0; r < REQUESTS / 2; r++) {
            String request = program + "/change-requests/" + requests.get(r);
            api.command("finance", request + "/assessment", "{}");
            api.command("finance", request + "/assessments", """
                    {"costs": [{"lineId": "INFRA-CAPEX", "amount": 1000}], "schedule": [{"milestoneId": "M1", "days": 2}],
                     "scope": "More kiosks", "risk": "Supplier capacity"}""");
            String decision = governed.recordDecision();
            api.command("pmo", request + "/submit", "{\"decisionId\": \"" + decision + "\"}");
            governed.approve(decision);
        }

        int samples = settings.latencySamples();
        Latencies governedBookings = new Latencies();
        Latencies plainBookings = new Latencies();
        Latencies governedCommitments = new Latencies();
        Latencies plainCommitments = new Latencies();
        for (int i = 0; i < samples; i++) {
            String amount = String.format(Locale.ROOT, "%d.%02d", 1 + i % 50, i % 100);
            plainBookings.add(timed(() -> plain.allocate(amount, "2026-05-15")));
            governedBookings.add(timed(() -> governed.allocate(amount, "2026-05-15")));
            int order = i;
            plainCommitments.add(timed(() -> commit(plain.programId(), "PO-P-" + order)));
            governedCommitments.add(timed(() -> commit(governed.programId(), "PO-G-" + order)));
        }
        Latencies raised = new Latencies();
        Latencies recorded = new Latencies();
        for (int i = 0; i < samples; i++) {
            int number = REQUESTS + 1 + i;
            raised.add(timed(() -> raise(program, number)));
            recorded.add(timed(governed::recordDecision));
        }
        String decided = requests.get(0);
        String decision = api.query("auditor", program + "/change-requests/" + decided)
                .json()
                .path("summary")
                .path("decisionId")
                .asText();
        Latencies requestViews = new Latencies();
        Latencies decisionViews = new Latencies();
        for (int i = 0; i < samples; i++) {
            requestViews.add(timed(() -> ok(api.query("auditor", program + "/change-requests/" + decided))));
            decisionViews.add(timed(() -> ok(api.query("auditor", program + "/decisions/" + decision))));
        }
        // an exception open on OPS-OPEX: a commitment there is refused, checked in the booking's transaction
        api.command("finance", program + "/budget/movements", """
                {"kind": "REFORECAST", "lineId": "OPS-OPEX", "amount": 100600000, "currency": "EUR",
                 "effectiveDate": "2026-05-15", "reason": "Energy prices"}""");
        Api.Answer refused = api.post("finance", program + "/budget/movements", """
                {"kind": "COMMITMENT", "lineId": "OPS-OPEX", "amount": 10, "currency": "EUR", "reference": "PO-X",
                 "effectiveDate": "2026-05-15", "reason": "Purchase order PO-X"}""");
        if (refused.status() != 409 || !refused.body().contains("open-cost-exception")) {
            throw new IllegalStateException(
                    "a commitment on a line with an open exception was not refused: " + refused);
        }

        add(
                "booking (tolerance check): p50",
                "ms",
                governedBookings.millis(50),
                "no change control",
                plainBookings.millis(50),
                1.5,
                "an allocation on a program under change control runs the tolerance check");
        add(
                "booking (tolerance check): p99",
                "ms",
                governedBookings.millis(99),
                "no change control",
                plainBookings.millis(99),
                Double.NaN,
                null);
        add(
                "commitment (exception check): p50",
                "ms",
                governedCommitments.millis(50),
                "no change control",
                plainCommitments.millis(50),
                1.5,
                "a commitment asks whether an open cost exception stops it");
        add(
                "commitment (exception check): p99",
                "ms",
                governedCommitments.millis(99),
                "no change control",
                plainCommitments.millis(99),
                Double.NaN,
                null);
        add(
                "change request raised: p50",
                "ms",
                raised.millis(50),
                "decision recorded",
                recorded.millis(50),
                2.0,
                "the program's change control holds " + (REQUESTS + samples) + " requests, " + MILESTONES
                        + " milestones and scope items by the end");
        add(
                "change request view with its trace: p50",
                "ms",
                requestViews.millis(50),
                "decision view",
                decisionViews.millis(50),
                3.0,
                "GET a decided change request: its trace joins movements,"
                        + " amendments, baselines and plan changes at the point");
        add(
                "change request view with its trace: p99",
                "ms",
                requestViews.millis(99),
                "decision view",
                decisionViews.millis(99),
                Double.NaN,
                null);
    }

    private Api.Answer raise(String program, int number) {
        return api.accepted("pmo", program + "/change-requests", """
                {"title": "Change %d", "description": "Passenger growth", "type": "SCOPE", "urgency": "HIGH",
                 "requestedBy": {"organisation": "Operations", "person": "D. Claes"},
                 "affected": [{"kind": "MILESTONE", "reference": "M1"}, {"kind": "BUDGET_LINE", "reference": "INFRA-CAPEX"}]}""".formatted(number));
    }

    private void commit(String programId, String reference) {
        api.accepted(
                "finance", "/api/programs/" + programId + "/budget/movements", """
                {"kind": "COMMITMENT", "lineId": "INFRA-CAPEX", "amount": 1, "currency": "EUR", "reference": "%s",
                 "effectiveDate": "2026-05-15", "reason": "Purchase order %s"}""".formatted(reference, reference));
    }

    private static void ok(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("expected 200, got " + answer);
        }
    }

    private static long timed(Runnable work) {
        long began = System.nanoTime();
        work.run();
        return System.nanoTime() - began;
    }

    private void add(
            String metric,
            String unit,
            double ours,
            String baselineName,
            double baseline,
            double ratioTarget,
            String note) {
        results.add(new Result(
                "10 change control", metric, unit, ours, baselineName, baseline, false, Double.NaN, ratioTarget, note));
    }
}
