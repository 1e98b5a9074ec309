package io.governanceledger.query.workspace.changes;

import io.governanceledger.query.workspace.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An impact assessment as the change request's form sends it: up to {@link #ROWS} cost rows (a budget
 * line and an amount) and schedule rows (a milestone and days), the texts, and the amendment a contract
 * would need. Empty rows are left out; the API judges the rest, naming the row of a refused value.
 */
public record AssessmentForm(
        List<String> costLine,
        List<String> costAmount,
        List<String> scheduleMilestone,
        List<String> scheduleDays,
        String scope,
        String risk,
        String options,
        String contractId,
        String legalBasis,
        String reviewClauseId,
        String valueDelta,
        String termDeltaMonths,
        String signedOn,
        String reason,
        String idempotencyKey) {

    public static final int ROWS = 4;

    static AssessmentForm empty() {
        return new AssessmentForm(
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ChangeRequestForm.newKey());
    }

    AssessmentForm again() {
        return new AssessmentForm(
                costLine,
                costAmount,
                scheduleMilestone,
                scheduleDays,
                scope,
                risk,
                options,
                contractId,
                legalBasis,
                reviewClauseId,
                valueDelta,
                termDeltaMonths,
                signedOn,
                reason,
                ChangeRequestForm.newKey());
    }

    public String value(String field) {
        return switch (field) {
            case "scope" -> scope;
            case "risk" -> risk;
            case "options" -> options;
            case "contractId" -> contractId;
            case "legalBasis" -> legalBasis;
            case "reviewClauseId" -> reviewClauseId;
            case "valueDelta" -> valueDelta;
            case "termDeltaMonths" -> termDeltaMonths;
            case "signedOn" -> signedOn;
            case "reason" -> reason;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    /** The row's value of a repeated field ({@code costLine}, {@code costAmount}, ...), or empty. */
    public String row(String field, int index) {
        List<String> values = switch (field) {
            case "costLine" -> costLine;
            case "costAmount" -> costAmount;
            case "scheduleMilestone" -> scheduleMilestone;
            default -> scheduleDays;
        };
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> costs = new ArrayList<>();
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (!row("costLine", i).isBlank() || !row("costAmount", i).isBlank()) {
                Map<String, Object> cost = new LinkedHashMap<>();
                FormValues.put(cost, "lineId", row("costLine", i));
                FormValues.putNumber(cost, "amount", row("costAmount", i));
                costs.add(cost);
            }
            if (!row("scheduleMilestone", i).isBlank()
                    || !row("scheduleDays", i).isBlank()) {
                Map<String, Object> shift = new LinkedHashMap<>();
                FormValues.put(shift, "milestoneId", row("scheduleMilestone", i));
                FormValues.putNumber(shift, "days", row("scheduleDays", i));
                schedule.add(shift);
            }
        }
        body.put("costs", costs);
        body.put("schedule", schedule);
        FormValues.put(body, "scope", scope);
        FormValues.put(body, "risk", risk);
        FormValues.put(body, "options", options);
        if (contractId != null && !contractId.isBlank()) {
            Map<String, Object> contract = new LinkedHashMap<>();
            FormValues.put(contract, "contractId", contractId);
            FormValues.put(contract, "legalBasis", legalBasis);
            FormValues.put(contract, "reviewClauseId", reviewClauseId);
            FormValues.putNumber(contract, "valueDelta", valueDelta);
            FormValues.putNumber(contract, "termDeltaMonths", termDeltaMonths);
            FormValues.put(contract, "signedOn", signedOn);
            body.put("contract", contract);
        }
        FormValues.put(body, "reason", reason);
        return body;
    }
}
