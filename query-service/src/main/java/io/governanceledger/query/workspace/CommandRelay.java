package io.governanceledger.query.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends a person's write to the command service's API with their own access token, so the command
 * service checks their grants and records them as the actor. A form's key goes with it as
 * {@code Idempotency-Key}, so a form sent twice (a double click, a resend after a lost answer) is
 * recorded once. The answer is what the API said: the record and its last event, or the problem with
 * the fields it names.
 */
public final class CommandRelay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_ID = "Ledger-Event-Id";

    private final RestClient commands;
    private final String registrationId;

    CommandRelay(RestClient commands, String registrationId) {
        this.commands = commands;
        this.registrationId = registrationId;
    }

    /** POSTs {@code body} as JSON to the command service's {@code path} (from {@code /api/...}). */
    public Outcome post(String path, Map<String, ?> body, String idempotencyKey) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            return commands.post()
                    .uri(path)
                    .attributes(RequestAttributeClientRegistrationIdResolver.clientRegistrationId(registrationId))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers -> {
                        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                            headers.set("Idempotency-Key", idempotencyKey);
                        }
                    })
                    .body(json)
                    .exchange((request, response) -> outcome(
                            response.getStatusCode().value(),
                            response.getHeaders(),
                            new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RestClientException unreachable) {
            return Outcome.unanswered(unreachable.getMessage());
        }
    }

    private static Outcome outcome(int status, HttpHeaders headers, String body) {
        JsonNode answer = parse(body);
        if (status >= 200 && status < 300) {
            return new Outcome(
                    status,
                    text(answer, "id"),
                    text(answer, "status"),
                    headers.getFirst(EVENT_ID),
                    null,
                    null,
                    Map.of(),
                    answer);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode errors = answer.path("errors");
        for (JsonNode error : errors) {
            String field = text(error, "field");
            if (field != null) {
                fields.merge(field, text(error, "message"), (first, second) -> first + "; " + second);
            }
        }
        String detail =
                Optional.ofNullable(text(answer, "detail")).orElse("The command service answered " + status + ".");
        return new Outcome(status, null, null, null, detail, text(answer, "rule"), fields, null);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * What the API answered.
     *
     * @param status  the HTTP status, 0 if the command service did not answer
     * @param id      the record's id, on success
     * @param eventId the last event the command recorded, to read one's own write
     * @param detail  the problem's detail, on a refusal
     * @param rule    the rule the problem names
     * @param fields  the problem's field errors by field ({@code options[0].key}, {@code decidedOn}, ...)
     * @param answer  the answer's JSON, on success (for a command answered with more than an id, a pre-check)
     */
    public record Outcome(
            int status,
            String id,
            String recordStatus,
            String eventId,
            String detail,
            String rule,
            Map<String, String> fields,
            JsonNode answer) {

        static Outcome unanswered(String why) {
            return new Outcome(
                    0, null, null, null, "The command service did not answer: " + why, "unavailable", Map.of(), null);
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** The field errors for a form field: its own and those of its parts ({@code options[2].key}). */
        public List<String> errorsFor(String field) {
            return fields.entrySet().stream()
                    .filter(error -> error.getKey().equals(field)
                            || error.getKey().startsWith(field + "[")
                            || error.getKey().startsWith(field + "."))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }
}
