package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.workspace.FormValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The request of a movement as the browser sends it; the API judges every value. */
public record MovementForm(
        String kind,
        String lineId,
        String toLineId,
        String amount,
        String currency,
        String reference,
        String commitmentReference,
        String authorisingReference,
        String effectiveDate,
        String description,
        String reason,
        String idempotencyKey) {

    static MovementForm empty(String currency) {
        return new MovementForm(null, null, null, null, currency, null, null, null, null, null, null, newKey());
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    MovementForm again() {
        return new MovementForm(
                kind,
                lineId,
                toLineId,
                amount,
                currency,
                reference,
                commitmentReference,
                authorisingReference,
                effectiveDate,
                description,
                reason,
                newKey());
    }

    public String value(String field) {
        return switch (field) {
            case "kind" -> kind;
            case "lineId" -> lineId;
            case "toLineId" -> toLineId;
            case "amount" -> amount;
            case "currency" -> currency;
            case "reference" -> reference;
            case "commitmentReference" -> commitmentReference;
            case "authorisingReference" -> authorisingReference;
            case "effectiveDate" -> effectiveDate;
            case "description" -> description;
            case "reason" -> reason;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "kind", kind);
        FormValues.put(body, "lineId", lineId);
        FormValues.put(body, "toLineId", toLineId);
        FormValues.putNumber(body, "amount", amount);
        FormValues.put(body, "currency", currency);
        FormValues.put(body, "reference", reference);
        FormValues.put(body, "commitmentReference", commitmentReference);
        FormValues.put(body, "authorisingReference", authorisingReference);
        FormValues.put(body, "effectiveDate", effectiveDate);
        FormValues.put(body, "description", description);
        FormValues.put(body, "reason", reason);
        return body;
    }
}
