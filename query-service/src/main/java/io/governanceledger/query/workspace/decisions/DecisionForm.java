package io.governanceledger.query.workspace.decisions;

import io.governanceledger.query.workspace.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The record (and supersede) form as the browser sends it: options one per line as {@code KEY: what it
 * means}, participants one per line as {@code Name (role)}. The API judges every value; the form only
 * shapes them, so a refusal names the field the person typed in.
 */
public record DecisionForm(
        String title,
        String context,
        String options,
        String chosenOption,
        String rationale,
        String decidingBody,
        String meetingDate,
        String decidedOn,
        String effectiveFrom,
        String participants,
        String quorum,
        String reason,
        String idempotencyKey) {

    static DecisionForm empty() {
        return new DecisionForm(null, null, null, null, null, null, null, null, null, null, null, null, newKey());
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The same values, with a new key: after a refusal, the corrected form is a new request. */
    DecisionForm again() {
        return new DecisionForm(
                title,
                context,
                options,
                chosenOption,
                rationale,
                decidingBody,
                meetingDate,
                decidedOn,
                effectiveFrom,
                participants,
                quorum,
                reason,
                newKey());
    }

    /** A field's value by its name, for the template that draws every field alike. */
    public String value(String field) {
        return switch (field) {
            case "title" -> title;
            case "context" -> context;
            case "options" -> options;
            case "chosenOption" -> chosenOption;
            case "rationale" -> rationale;
            case "decidingBody" -> decidingBody;
            case "meetingDate" -> meetingDate;
            case "decidedOn" -> decidedOn;
            case "effectiveFrom" -> effectiveFrom;
            case "participants" -> participants;
            case "quorum" -> quorum;
            case "reason" -> reason;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "title", title);
        FormValues.put(body, "context", context);
        List<Map<String, String>> choices = new ArrayList<>();
        for (String line : FormValues.lines(options)) {
            int colon = line.indexOf(':');
            Map<String, String> option = new LinkedHashMap<>();
            option.put("key", colon < 0 ? "" : line.substring(0, colon).strip());
            option.put(
                    "description", colon < 0 ? line : line.substring(colon + 1).strip());
            choices.add(option);
        }
        body.put("options", choices);
        FormValues.put(body, "chosenOption", chosenOption);
        FormValues.put(body, "rationale", rationale);
        FormValues.put(body, "decidingBody", decidingBody);
        FormValues.put(body, "meetingDate", meetingDate);
        FormValues.put(body, "decidedOn", decidedOn);
        FormValues.put(body, "effectiveFrom", effectiveFrom);
        List<String> people = FormValues.lines(participants);
        if (!people.isEmpty()) {
            body.put("participants", people);
        }
        FormValues.putNumber(body, "quorum", quorum);
        FormValues.put(body, "reason", reason);
        return body;
    }
}
