package io.governanceledger.query.workspace.contracts;

import io.governanceledger.query.workspace.FormValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A proposed amendment as the browser sends it: signatories one per line; the API judges every value. */
public record AmendmentForm(
        String legalBasis,
        String reviewClauseId,
        String valueDelta,
        String termDeltaMonths,
        String scope,
        String signatories,
        String signedOn,
        String effectiveFrom,
        String authorisingDecisionId,
        String reason,
        String idempotencyKey) {

    static AmendmentForm empty() {
        return new AmendmentForm(null, null, null, null, null, null, null, null, null, null, newKey());
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    AmendmentForm again() {
        return new AmendmentForm(
                legalBasis,
                reviewClauseId,
                valueDelta,
                termDeltaMonths,
                scope,
                signatories,
                signedOn,
                effectiveFrom,
                authorisingDecisionId,
                reason,
                newKey());
    }

    public String value(String field) {
        return switch (field) {
            case "legalBasis" -> legalBasis;
            case "reviewClauseId" -> reviewClauseId;
            case "valueDelta" -> valueDelta;
            case "termDeltaMonths" -> termDeltaMonths;
            case "scope" -> scope;
            case "signatories" -> signatories;
            case "signedOn" -> signedOn;
            case "effectiveFrom" -> effectiveFrom;
            case "authorisingDecisionId" -> authorisingDecisionId;
            case "reason" -> reason;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    /** What a pre-check takes of the proposal: its basis, value, term and signing date. */
    Map<String, Object> checkBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "legalBasis", legalBasis);
        FormValues.put(body, "reviewClauseId", reviewClauseId);
        FormValues.putNumber(body, "valueDelta", valueDelta);
        FormValues.putNumber(body, "termDeltaMonths", termDeltaMonths);
        FormValues.put(body, "signedOn", signedOn);
        return body;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "legalBasis", legalBasis);
        FormValues.put(body, "reviewClauseId", reviewClauseId);
        FormValues.putNumber(body, "valueDelta", valueDelta);
        FormValues.putNumber(body, "termDeltaMonths", termDeltaMonths);
        FormValues.put(body, "scope", scope);
        body.put("signatories", FormValues.lines(signatories));
        FormValues.put(body, "signedOn", signedOn);
        FormValues.put(body, "effectiveFrom", effectiveFrom);
        FormValues.put(body, "authorisingDecisionId", authorisingDecisionId);
        FormValues.put(body, "reason", reason);
        return body;
    }
}
