package io.governanceledger.support.web;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI documents say what every operation answers when it refuses: the problem+json body (its
 * {@code rule} and {@code errors[]}) under each 4xx and 503 it can give, and on every POST the
 * {@code Idempotency-Key} header ({@link IdempotencyFilter}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ProblemDocumentation {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> READ_ANSWERS = answers(
            "400",
                    "The request breaks a rule: a parameter's format, range or text (problem+json names the field and rule)",
            "404", "No such record, or none you may see",
            "503", "The read models are not ready for this point yet (Retry-After)");
    private static final Map<String, String> WRITE_ANSWERS = answers(
            "400",
                    "The request breaks a rule: a field's format, range, text or a business rule (problem+json names the field and rule); nothing is stored",
            "404", "No such record",
            "409",
                    "The record's state refuses it, or the Idempotency-Key's first request is still running or lost its answer",
            "413", "The body is larger than the service accepts",
            "415", "The body is not application/json",
            "422", "The Idempotency-Key was used with another request",
            "503", "The outcome is unknown (the command may still complete): retry with the same Idempotency-Key");

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            answers.put(pairs[index], pairs[index + 1]);
        }
        return answers;
    }

    @Bean
    public OpenApiCustomizer problemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new io.swagger.v3.oas.models.Components());
            }
            Schema<?> error = new ObjectSchema()
                    .addProperty("field", new StringSchema().description("Where: a body path, a parameter or a header"))
                    .addProperty("rule", new StringSchema().description("The rule broken, e.g. control-character"))
                    .addProperty("message", new StringSchema());
            openApi.getComponents()
                    .addSchemas(
                            "Problem",
                            new ObjectSchema()
                                    .description(
                                            "RFC 9457 problem details, with the rule broken and, for input, each offending field")
                                    .addProperty(
                                            "type",
                                            new StringSchema()
                                                    .format("uri")
                                                    .example("urn:governance-ledger:problem:format"))
                                    .addProperty("title", new StringSchema())
                                    .addProperty("status", new IntegerSchema())
                                    .addProperty("detail", new StringSchema())
                                    .addProperty("instance", new StringSchema())
                                    .addProperty("rule", new StringSchema())
                                    .addProperty("errors", new ArraySchema().items(error)));
        };
    }

    /** Over the finished document: every operation by its HTTP method, however its handler is mapped. */
    @Bean
    public OpenApiCustomizer problemAnswersAndIdempotency() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                        boolean write = method == PathItem.HttpMethod.POST;
                        if (write) {
                            operation.addParametersItem(new HeaderParameter()
                                    .name(IdempotencyFilter.HEADER)
                                    .required(false)
                                    .description(
                                            "Makes a retry safe: the same key with the same request returns the first "
                                                    + "answer and records nothing; with another request, 422. Kept per person "
                                                    + "for the configured retention (ledger.idempotency.retention, 30 days).")
                                    .schema(new StringSchema()
                                            .maxLength(257)
                                            .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")));
                        }
                        if (operation.getResponses() == null) {
                            operation.setResponses(new ApiResponses());
                        }
                        (write ? WRITE_ANSWERS : READ_ANSWERS).forEach((status, description) -> {
                            if (!operation.getResponses().containsKey(status)) {
                                operation
                                        .getResponses()
                                        .addApiResponse(
                                                status,
                                                new ApiResponse()
                                                        .description(description)
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        "application/problem+json",
                                                                        new MediaType()
                                                                                .schema(new Schema<>()
                                                                                        .$ref(PROBLEM_REF)))));
                            }
                        });
                    }));
        };
    }
}
