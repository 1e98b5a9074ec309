package io.governanceledger.support.web;

import io.governanceledger.support.messaging.RuleViolation;
import io.governanceledger.support.web.ProblemResponses.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every failure into an RFC 9457 problem naming the field and the rule: malformed or mistyped
 * JSON, failed constraints, refused commands, unknown ids, role and concurrency conflicts.
 */
@RestControllerAdvice
// after an advice of pages (the query service's workspace), which answers its own handlers' failures as pages
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Comparator<FieldError> FIELD_ORDER = Comparator.comparing(
                    FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FieldError::rule);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = readProblem(ex);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        // a bound record (a filter of query parameters) names a value of the wrong type as a field error
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(
                        error.contains(TypeMismatchException.class)
                                ? mismatch(error.getField(), error.unwrap(TypeMismatchException.class))
                                : new FieldError(
                                        error.getField(), ruleOf(error.getCode()), error.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(null, ruleOf(error.getCode()), error.getDefaultMessage())));
        errors.sort(FIELD_ORDER);
        return ResponseEntity.badRequest().body(ProblemResponses.invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                String code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
                errors.add(new FieldError(name, ruleOf(code), error.getDefaultMessage()));
            }
        }
        errors.sort(FIELD_ORDER);
        return ResponseEntity.badRequest().body(ProblemResponses.invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        FieldError error = mismatch(name, ex);
        return ResponseEntity.badRequest()
                .body(ProblemResponses.invalidInput(
                        error.rule().equals("type") ? error.message() : "'" + name + "' " + error.message() + ".",
                        List.of(error)));
    }

    /** A value that is not of its parameter's type: the edge rule it broke, or the type it should have. */
    private static FieldError mismatch(String name, TypeMismatchException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof EdgeInput.EdgeInputException refused) {
                return new FieldError(name, refused.rule(), refused.getMessage());
            }
        }
        Class<?> type = ex.getRequiredType();
        String expected = type == null ? "another type" : describe(type);
        String value = ex.getValue() == null ? "" : EdgeInput.printable(String.valueOf(ex.getValue()));
        return new FieldError(name, "type", "'" + value + "' is not " + expected + ".");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        FieldError error = new FieldError(ex.getParameterName(), "required", "is required");
        return ResponseEntity.badRequest()
                .body(ProblemResponses.invalidInput(
                        "Parameter '" + ex.getParameterName() + "' is required.", List.of(error)));
    }

    /**
     * Spring's own answers (405, 406, 415, ...) get the same shape as ours: a stable type URN and the
     * {@code rule} of their status ({@link ProblemResponses#ruleFor}).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("rule"))) {
            String rule = ProblemResponses.ruleFor(statusCode.value());
            problem.setType(java.net.URI.create(ProblemResponses.TYPE_PREFIX + rule));
            problem.setProperty("rule", rule);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemResponses.problem(
                        HttpStatus.NOT_FOUND, "no-such-resource", "No operation of this API has that path."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> refused(CommandExecutionException ex) {
        return ex.getDetails()
                .filter(RuleViolation.class::isInstance)
                .map(RuleViolation.class::cast)
                .map(ProblemDetailsAdvice::violationProblem)
                .map(problem -> ResponseEntity.status(problem.getStatus()).body(problem))
                .orElseGet(() -> causeProblem(ex));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> unknownRecord(AggregateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemResponses.problem(
                        HttpStatus.NOT_FOUND,
                        "unknown-record",
                        "No record with id '" + ex.getAggregateIdentifier() + "'."));
    }

    /** The id names a record of another kind: its events do not build the one addressed. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    public ResponseEntity<ProblemDetail> otherKindOfRecord(IncompatibleAggregateException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemResponses.problem(
                        HttpStatus.NOT_FOUND, "unknown-record", "No record of this kind has that id."));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ResponseEntity<ProblemDetail> recordExists(AggregateStreamCreationException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemResponses.problem(
                        HttpStatus.CONFLICT,
                        "id-taken",
                        "A record with this id already exists; ids are never reused."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException ex) {
        org.springframework.web.context.request.RequestAttributes attributes =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            // a retry with the same Idempotency-Key runs again rather than get this answer back
            attributes.setAttribute(
                    IdempotencyFilter.TRANSIENT_ATTRIBUTE,
                    Boolean.TRUE,
                    org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(
                        ProblemResponses.problem(
                                HttpStatus.CONFLICT,
                                "concurrent-change",
                                "The record was changed or created by another request at the same time; read it again and retry."));
    }

    @ExceptionHandler(RecordNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(RecordNotFoundException ex) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "unknown-record", ex.getMessage());
        problem.setProperty("field", ex.field());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    public ResponseEntity<ProblemDetail> forbidden(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemResponses.problem(
                        HttpStatus.FORBIDDEN,
                        ex instanceof AccessRefusal refusal ? refusal.rule() : "role-required",
                        ex instanceof AccessRefusal ? ex.getMessage() : "Your role does not allow this request."));
    }

    @ExceptionHandler(RequestSizeLimitFilter.BodyTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(Exception ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", ex.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return ResponseEntity.internalServerError()
                .body(ProblemResponses.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "The request failed on the server; nothing was stored. The failure is logged."));
    }

    static ProblemDetail violationProblem(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        if (violation.field() != null) {
            FieldError error = new FieldError(violation.field(), violation.rule(), violation.message());
            // "must not be ..." reads as a sentence only with the field in front of it
            String detail = Character.isLowerCase(violation.message().charAt(0))
                    ? "'" + violation.field() + "' " + violation.message() + "."
                    : violation.message();
            ProblemDetail problem = ProblemResponses.invalidInput(detail, List.of(error));
            problem.setStatus(status);
            problem.setTitle(status.getReasonPhrase());
            return problem;
        }
        return ProblemResponses.problem(status, violation.rule(), violation.message());
    }

    private ResponseEntity<ProblemDetail> causeProblem(CommandExecutionException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(ProblemResponses.problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "outcome-unknown",
                                "The command did not finish in time and may still complete: look its correlation id up in the "
                                        + "audit trail before sending it again."));
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return unknownRecord(notFound);
            }
            if (cause instanceof IncompatibleAggregateException other) {
                return otherKindOfRecord(other);
            }
            if (cause instanceof AggregateStreamCreationException exists) {
                return recordExists(exists);
            }
            if (cause instanceof ConcurrencyException concurrency) {
                return concurrentChange(concurrency);
            }
        }
        return unexpected(ex);
    }

    private static ProblemDetail readProblem(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        // a streamed (chunked) body passes the limit while the parser reads it: Jackson wraps the refusal
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", inner.getMessage());
            }
        }
        if (cause instanceof EdgeInputModule.RefusedValueException refused) {
            return single(path(refused), refused.rule(), refused.reason());
        }
        if (cause instanceof StreamConstraintsException limit) {
            return ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST,
                    "body-too-complex",
                    "The body nests too deeply or holds a value too long to read: "
                            + "keep JSON to the shape the operation documents.");
        }
        if (cause instanceof StreamReadException duplicate
                && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate Object property")) {
            String name = duplicate.getOriginalMessage().replaceFirst("^Duplicate Object property \"(.*)\"$", "$1");
            return single(EdgeInput.printable(name), "duplicate-key", "is given more than once in the same object");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return single(path(unknown), "unknown-field", "is not a field of this request");
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> type = invalid.getTargetType();
            // a string that does not parse breaks the format; a number or boolean is the wrong type altogether
            String rule = invalid.getValue() instanceof String ? "format" : "type";
            return single(
                    path(invalid),
                    rule,
                    "'" + EdgeInput.printable(String.valueOf(invalid.getValue())) + "' is not " + describe(type));
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            return single(
                    path(instantiation),
                    "invalid",
                    String.valueOf(
                            instantiation.getCause() == null
                                    ? instantiation.getOriginalMessage()
                                    : instantiation.getCause().getMessage()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            return single(path(mismatch), "type", "expected " + (type == null ? "another type" : describe(type)));
        }
        if (cause instanceof StreamReadException malformed) {
            ProblemDetail problem = ProblemResponses.problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "The body is not well-formed JSON: " + malformed.getOriginalMessage());
            return problem;
        }
        if (cause instanceof JacksonException other) {
            return single(path(other), "invalid", other.getOriginalMessage());
        }
        return ProblemResponses.problem(
                HttpStatus.BAD_REQUEST, "body-required", "A JSON body is required for this request.");
    }

    private static ProblemDetail single(String field, String rule, String message) {
        FieldError error = new FieldError(field, rule, message);
        return ProblemResponses.invalidInput(
                field == null ? message : "'" + field + "' " + message + ".", List.of(error));
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant" -> "an instant (e.g. 2026-07-01T00:00:00Z)";
            case "BigDecimal" -> "a number";
            case "Integer", "int", "Long", "long" -> "a whole number (no fraction or exponent)";
            case "String" -> "a string";
            case "List", "Set" -> "a list";
            case "Boolean", "boolean" -> "true or false";
            case "AsOf" -> "a date (YYYY-MM-DD) or an instant (YYYY-MM-DDThh:mm:ssZ)";
            default -> "a JSON object";
        };
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream()
                .map(error -> error.field() == null ? error.message() : error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }

    private static String ruleOf(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size" -> "size";
            case "Pattern" -> "format";
            case "Positive", "PositiveOrZero", "Min", "Max", "DecimalMin", "DecimalMax", "Digits" -> "range";
            case "UniqueElements" -> "duplicate-item";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        };
    }
}
