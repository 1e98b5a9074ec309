package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The governance work the suite sends over HTTP: one program per client with its budget line,
 * delegation and framework contract, then a mix of decisions recorded and approved, budget
 * movements booked and call-offs placed, in the ratios a PMO office sees (requests of a few hundred
 * bytes to a couple of kilobytes).
 */
final class Workload {

    static final String START = "2024-01-01";

    private final Api api;
    private final String programId;
    private final String contractId;
    private final Deque<String> proposed = new ArrayDeque<>();
    private long counter;

    private Workload(Api api, String programId, String contractId) {
        this.api = api;
        this.programId = programId;
        this.contractId = contractId;
    }

    /** Creates the program and what its commands need; each client works on its own program. */
    static Workload program(Api api, String programId) {
        api.command("pmo", "/api/programs", """
                {"programId": "%s", "name": "Airport automation %s", "sponsor": "Chief Operating Officer",
                 "startDate": "%s", "plannedEndDate": "2039-01-01", "currency": "EUR",
                 "reason": "Framework contract FC-2024-01 signed"}""".formatted(programId, programId, START));
        String budget = "/api/programs/" + programId + "/budget";
        api.command("finance", budget + "/lines", """
                {"lineId": "INFRA-CAPEX", "workstream": "Infrastructure", "category": "CAPEX", "fiscalYear": 2026}""");
        api.command("finance", budget + "/lines", """
                {"lineId": "OPS-OPEX", "workstream": "Operations", "category": "OPEX", "fiscalYear": 2026}""");
        api.command("cfo", budget + "/delegations", """
                {"holder": "finance", "maxAmount": 100000, "currency": "EUR", "validFrom": "2024-01-01",
                 "validTo": "2039-12-31", "reason": "Delegation DA-7"}""");
        JsonNode contract = api.command("contracts", "/api/programs/" + programId + "/contracts", """
                {"reference": "FC-2024-01", "title": "Airport systems framework", "supplier": "Acme Systems",
                 "regime": "CLASSIC", "type": "SERVICES", "authority": "CENTRAL", "initialValue": 2000000,
                 "currency": "EUR", "startDate": "2024-01-01", "endDate": "2039-01-01",
                 "indexation": {"indexName": "Agoria labour cost", "baseValue": 100},
                 "reviewClauses": [{"clauseId": "R1", "description": "Passenger volume review", "maximumValue": 300000}],
                 "renewalNoticeDays": 180, "deMinimisCounting": "NET_CUMULATIVE"}""");
        return new Workload(api, programId, contract.path("id").asText());
    }

    /** The next command of the mix: 4 in 10 record a decision, 2 approve one, 3 book a movement, 1 places a call-off. */
    void next() {
        long step = counter++ % 10;
        if (step < 4 || (step < 6 && proposed.isEmpty())) {
            proposed.add(recordDecision());
        } else if (step < 6) {
            approve(proposed.poll());
        } else if (step < 9) {
            allocate(
                    String.format(
                            Locale.ROOT,
                            "%d.%02d",
                            100 + ThreadLocalRandom.current().nextInt(5000),
                            ThreadLocalRandom.current().nextInt(100)),
                    "2026-0" + (1 + step % 9) + "-15");
        } else {
            callOff();
        }
    }

    String recordDecision() {
        return recordDecisionAnswer().json().path("id").asText();
    }

    /** Records a decision; the answer names it ({@code id}) and the event recorded ({@code eventId}). */
    Api.Answer recordDecisionAnswer() {
        long n = counter;
        return api.accepted("pmo", "/api/programs/" + programId + "/decisions", """
                {"title": "Change request CR-%1$d: hosting and integration scope",
                 "context": "The data-centre contract ends on 31 December 2026; the integration platform needs %1$d more interfaces and the supplier asked for a decision before the next release train.",
                 "options": [{"key": "A", "description": "Renew the data-centre contract for three years"},
                             {"key": "B", "description": "Move to a cloud provider with an exit plan"},
                             {"key": "C", "description": "Defer and extend the current contract by one year"}],
                 "chosenOption": "B", "rationale": "Lower cost over ten years; exit plan agreed with procurement and security.",
                 "decidingBody": "Steering Committee", "meetingDate": "2026-03-10",
                 "participants": ["A. Peeters (chair)", "B. Janssens", "C. Maes (secretary)", "D. Claes"], "quorum": 3,
                 "links": [{"kind": "CHANGE_REQUEST", "reference": "CR-%1$d", "relation": "authorises"}]}""".formatted(n));
    }

    void approve(String decisionId) {
        api.command("pmo", "/api/programs/" + programId + "/decisions/" + decisionId + "/approve", """
                {"decidedOn": "2026-03-10", "effectiveFrom": "2026-07-01", "reason": "Minutes SC-2026-03, item 4"}""");
    }

    void allocate(String amount, String effectiveDate) {
        api.command(
                "finance", "/api/programs/" + programId + "/budget/movements", """
                {"kind": "ALLOCATION", "lineId": "INFRA-CAPEX", "amount": %s, "currency": "EUR",
                 "effectiveDate": "%s", "reason": "Quarterly allocation for the infrastructure workstream"}""".formatted(amount, effectiveDate));
    }

    void callOff() {
        api.command(
                "contracts", "/api/programs/" + programId + "/contracts/" + contractId + "/call-offs", """
                {"reference": "Call-off %d", "value": 10, "placedOn": "2026-06-01", "reason": "Support hours"}""".formatted(
                                counter));
    }

    String programId() {
        return programId;
    }

    String contractId() {
        return contractId;
    }
}
