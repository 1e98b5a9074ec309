package io.governanceledger.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem documents of the API. Every problem has a stable {@code type} URN and a
 * {@code rule}; problems about input list the offending {@code errors} as field, rule and message.
 */
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:governance-ledger:problem:";

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        return problem;
    }

    /**
     * The rule of a refusal known only by its status (the servlet container's, Spring's own): one name per
     * status, whoever answers with it.
     */
    public static String ruleFor(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "no-such-resource";
            case 413, 414, 431 -> "request-too-large";
            case 505 -> "http-version-not-supported";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield status >= 500
                        ? "internal-error"
                        : known == null
                                ? "request-refused"
                                : known.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
            }
        };
    }

    public static ProblemDetail invalidInput(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST, errors.size() == 1 ? errors.get(0).rule() : "invalid-input", detail);
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    /** A filter's date range whose start lies after its end: refused naming {@code from}. */
    public static ProblemDetail fromAfterTo(java.time.LocalDate to) {
        return invalidInput(
                "'from' must not be after 'to'.",
                List.of(new FieldError("from", "from-not-after-to", "must not be after " + to)));
    }

    /**
     * 401 for a request without valid credentials, with the challenge RFC 6750 defines (and Basic's
     * where a trial opted into it). A token that was sent but refused names why.
     */
    public AuthenticationEntryPoint unauthorized(boolean basicToo) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        bearer.setRealmName("governance-ledger");
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            if (basicToo) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"governance-ledger\"");
            }
            boolean tokenRefused = exception instanceof OAuth2AuthenticationException;
            write(
                    response,
                    problem(
                            HttpStatus.UNAUTHORIZED,
                            tokenRefused ? "invalid-token" : "authentication-required",
                            tokenRefused
                                    ? "The access token was refused: "
                                            + describe((OAuth2AuthenticationException) exception)
                                    : "Sign in: send an access token from the configured identity provider "
                                            + "(Authorization: Bearer <token>)."));
        };
    }

    private static String describe(OAuth2AuthenticationException refused) {
        String description = refused.getError().getDescription();
        return description != null ? description : refused.getError().getErrorCode();
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                response, problem(HttpStatus.FORBIDDEN, "role-required", "Your role does not allow this request."));
    }

    /** 503 with {@code Retry-After: 1}: the answer is not ready yet (the read models are behind, ...). */
    public void retryLater(HttpServletResponse response, String rule, String detail) throws IOException {
        response.setHeader("Retry-After", "1");
        write(response, problem(HttpStatus.SERVICE_UNAVAILABLE, rule, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** One offending input: where it is, which rule it breaks, and a sentence for people. */
    public record FieldError(String field, String rule, String message) {
        Map<String, String> asMap() {
            return field == null
                    ? Map.of("rule", rule, "message", message)
                    : Map.of("field", field, "rule", rule, "message", message);
        }
    }
}
