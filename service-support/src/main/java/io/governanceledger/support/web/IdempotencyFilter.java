package io.governanceledger.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every POST honours {@code Idempotency-Key} (IETF httpapi draft): the first request with a key runs
 * and its answer (status, body, {@code Location}, {@code Ledger-Event-Id}, correlation id) is kept in
 * PostgreSQL; the same key with the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and records nothing; the same key with another request is 422
 * {@code idempotency-key-reused}; while the first is still running, 409 {@code idempotency-key-in-flight}
 * with {@code Retry-After}. Keys belong to the signed-in person, so two people's keys never meet.
 *
 * <p>A request that failed on the server without effect frees its key for a retry. One whose outcome
 * is unknown (503: the command may still complete) keeps it until its lease ends; if the command did
 * record events meanwhile (marked in its own transaction) a retry answers 409
 * {@code idempotency-key-recorded} naming the last event instead of running it again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The request attribute under which a request that owns its key finds it, as "principal\nkey\nowner". */
    public static final String OWNED_KEY_ATTRIBUTE = IdempotencyFilter.class.getName() + ".owned";
    /**
     * Set by whoever answers with a refusal that holds only for now (a lost race: "read it again and
     * retry"): such an answer frees the key instead of being replayed to every retry.
     */
    public static final String TRANSIENT_ATTRIBUTE = IdempotencyFilter.class.getName() + ".transient";

    private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS =
            List.of("Location", "Ledger-Event-Id", "X-Correlation-Id", "Content-Type", "Retry-After");

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;

    public IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request.getHeader(HEADER));
        if (key == null) {
            ProblemResponses.FieldError error = new ProblemResponses.FieldError(
                    HEADER,
                    "format",
                    "must be 1 to 255 visible ASCII characters (a quoted string or a bare token), e.g. a UUID");
            problems.write(
                    response,
                    ProblemResponses.invalidInput("'" + HEADER + "' " + error.message() + ".", List.of(error)));
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String principal = authentication.getName();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestSizeLimitFilter.BodyTooLargeException e) {
            problems.write(
                    response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", e.getMessage()));
            return;
        }
        IdempotencyKeys.Claim claim = keys.claim(principal, key, fingerprint(request, body));
        if (claim instanceof IdempotencyKeys.Owned owned) {
            run(request, response, chain, principal, key, owned.owner(), body);
        } else if (claim instanceof IdempotencyKeys.Answered answered) {
            replay(response, answered);
        } else if (claim instanceof IdempotencyKeys.Reused) {
            problems.write(
                    response,
                    problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "This Idempotency-Key was used with another request (method, path or body); a key names one "
                                    + "request. Send a new key for a new request."));
        } else if (claim instanceof IdempotencyKeys.InFlight inFlight) {
            response.setHeader("Retry-After", Long.toString(inFlight.retryAfterSeconds()));
            problems.write(
                    response,
                    problem(
                            HttpStatus.CONFLICT,
                            "idempotency-key-in-flight",
                            "The first request with this Idempotency-Key is still being handled; retry after it ends."));
        } else if (claim instanceof IdempotencyKeys.RecordedAnswerLost lost) {
            ProblemDetail problem = problem(
                    HttpStatus.CONFLICT,
                    "idempotency-key-recorded",
                    "The first request with this Idempotency-Key was recorded (its last event is " + lost.eventId()
                            + ") but its answer was lost; it is not run again. Read the record, or look the event "
                            + "up in the audit trail.");
            problem.setProperty("eventId", lost.eventId());
            response.setHeader("Ledger-Event-Id", lost.eventId());
            problems.write(response, problem);
        }
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String principal,
            String key,
            java.util.UUID owner,
            byte[] body)
            throws IOException, ServletException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        request.setAttribute(OWNED_KEY_ATTRIBUTE, principal + "\n" + key + "\n" + owner);
        try {
            chain.doFilter(new BodyRequest(request, body), answer);
        } catch (IOException | ServletException | RuntimeException e) {
            keys.release(principal, key, owner);
            throw e;
        }
        try {
            keep(request, answer, principal, key, owner);
        } catch (RuntimeException e) {
            // the command's outcome stands and its answer goes out; a retry finds the key marked or free
            logger.error("The answer to Idempotency-Key " + key + " could not be kept", e);
        }
        answer.copyBodyToResponse();
    }

    private void keep(
            HttpServletRequest request,
            ContentCachingResponseWrapper answer,
            String principal,
            String key,
            java.util.UUID owner) {
        int status = answer.getStatus();
        if (status >= 500 || request.getAttribute(TRANSIENT_ATTRIBUTE) != null) {
            // 503 says the command may still complete: its key stays held until the lease ends; a refusal that a
            // retry may not meet again (another request changed the record meanwhile) is not kept as the answer
            if (status != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                keys.release(principal, key, owner);
            }
        } else {
            StringBuilder headers = new StringBuilder();
            for (String name : KEPT_HEADERS) {
                String value = name.equals("Content-Type") ? answer.getContentType() : answer.getHeader(name);
                if (value != null) {
                    headers.append(name).append(": ").append(value).append('\n');
                }
            }
            keys.answer(principal, key, owner, status, headers.toString(), answer.getContentAsByteArray());
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyKeys.Answered answered) throws IOException {
        response.setStatus(answered.status());
        for (String line : answered.headers().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String name = line.substring(0, colon);
                String value = line.substring(colon + 2);
                if (name.equals("Content-Type")) {
                    response.setContentType(value);
                } else {
                    response.setHeader(name, value);
                }
            }
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (answered.body() != null) {
            response.setContentLength(answered.body().length);
            response.getOutputStream().write(answered.body());
        }
    }

    /** The key as the draft writes it, a structured-field string ({@code "..."}), or bare. */
    static String keyOf(String header) {
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return KEY.matcher(value).matches() ? value : null;
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + "\n" + request.getRequestURI() + "\n"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                    + (request.getContentType() == null ? "" : request.getContentType()) + "\n";
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String rule, String detail) {
        return ProblemResponses.problem(status, rule, detail);
    }

    /** The request with its body already read, for whoever reads it next. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
