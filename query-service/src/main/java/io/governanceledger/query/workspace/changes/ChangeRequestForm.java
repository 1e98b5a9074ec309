package io.governanceledger.query.workspace.changes;

import io.governanceledger.query.workspace.FormValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A change request as the register's form sends it; the affected items are chosen in one list per kind
 * (milestones, deliverables, budget lines, contracts). The API judges every value.
 */
public record ChangeRequestForm(
        String title,
        String description,
        String type,
        String urgency,
        String organisation,
        String person,
        List<String> milestones,
        List<String> deliverables,
        List<String> lines,
        List<String> contracts,
        String reason,
        String idempotencyKey) {

    static final List<String> FIELDS =
            List.of("title", "description", "type", "urgency", "organisation", "person", "reason");

    static ChangeRequestForm empty() {
        return new ChangeRequestForm(
                null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, newKey());
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    ChangeRequestForm again() {
        return new ChangeRequestForm(
                title,
                description,
                type,
                urgency,
                organisation,
                person,
                milestones,
                deliverables,
                lines,
                contracts,
                reason,
                newKey());
    }

    public String value(String field) {
        return switch (field) {
            case "title" -> title;
            case "description" -> description;
            case "type" -> type;
            case "urgency" -> urgency;
            case "organisation" -> organisation;
            case "person" -> person;
            case "reason" -> reason;
            default -> throw new IllegalArgumentException("no field " + field);
        };
    }

    public boolean chosen(String kind, String reference) {
        List<String> chosen = switch (kind) {
            case "MILESTONE" -> milestones;
            case "DELIVERABLE" -> deliverables;
            case "BUDGET_LINE" -> lines;
            default -> contracts;
        };
        return chosen != null && chosen.contains(reference);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "title", title);
        FormValues.put(body, "description", description);
        FormValues.put(body, "type", type);
        FormValues.put(body, "urgency", urgency);
        Map<String, Object> requester = new LinkedHashMap<>();
        FormValues.put(requester, "organisation", organisation);
        FormValues.put(requester, "person", person);
        body.put("requestedBy", requester);
        List<Map<String, String>> affected = new ArrayList<>();
        add(affected, "MILESTONE", milestones);
        add(affected, "DELIVERABLE", deliverables);
        add(affected, "BUDGET_LINE", lines);
        add(affected, "CONTRACT", contracts);
        body.put("affected", affected);
        FormValues.put(body, "reason", reason);
        return body;
    }

    private static void add(List<Map<String, String>> affected, String kind, List<String> references) {
        if (references != null) {
            references.stream()
                    .filter(reference -> reference != null && !reference.isBlank())
                    .forEach(reference -> affected.add(Map.of("kind", kind, "reference", reference)));
        }
    }
}
