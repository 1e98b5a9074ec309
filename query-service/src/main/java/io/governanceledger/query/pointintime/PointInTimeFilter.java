package io.governanceledger.query.pointintime;

import io.governanceledger.support.web.EdgeInput;
import io.governanceledger.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the point a read asks for, once: {@code asOf} (a date or an instant), {@code knownAt} (an
 * instant) and the {@value RequestedPoint#READ_AFTER} header, under the edge's rules, into the {@link RequestedPoint}
 * that the consistency guards and the handlers receive. A value that breaks a rule is answered 400 naming
 * it. Runs after sign-in and before the guards that wait on the point.
 */
@Component
@Order(PointInTimeFilter.ORDER)
class PointInTimeFilter extends OncePerRequestFilter {

    /** After Spring Security's filters; the guards, which wait on the point, run after this one. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final String AS_OF = "asOf";
    static final String KNOWN_AT = "knownAt";
    /** Event identifiers are UUIDs; anything else cannot name a recorded event. */
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ProblemResponses problems;

    PointInTimeFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AsOf asOf;
        Instant knownAt;
        Optional<String> readAfter;
        String field = AS_OF;
        try {
            asOf = parameter(request, AS_OF, AsOf::point);
            field = KNOWN_AT;
            knownAt = parameter(request, KNOWN_AT, PointInTimeFilter::knownAt);
            field = RequestedPoint.READ_AFTER;
            readAfter = readAfter(request.getHeader(RequestedPoint.READ_AFTER));
        } catch (EdgeInput.EdgeInputException e) {
            problems.write(
                    response,
                    ProblemResponses.invalidInput(
                            "'" + field + "' " + e.getMessage() + ".",
                            List.of(new ProblemResponses.FieldError(field, e.rule(), e.getMessage()))));
            return;
        }
        request.setAttribute(RequestedPoint.ATTRIBUTE, new RequestedPoint(asOf, knownAt, readAfter));
        chain.doFilter(request, response);
    }

    /** Absent or empty: not given. Given twice: refused, rather than one of them silently chosen. */
    private static <T> T parameter(HttpServletRequest request, String name, Function<String, T> parse) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || (values.length == 1 && values[0].isEmpty())) {
            return null;
        }
        if (values.length > 1) {
            throw new EdgeInput.EdgeInputException("duplicate-key", "is given more than once");
        }
        return parse.apply(values[0]);
    }

    /**
     * An instant, as a view point may be. One that only the extended ISO form can write (a year of more
     * than four digits, or before year 1) is refused for what it means: later than now, or out of range.
     */
    private static Instant knownAt(String text) {
        try {
            return EdgeInput.pointInstant(text);
        } catch (EdgeInput.EdgeInputException refused) {
            Instant extended;
            try {
                extended = Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                throw refused;
            }
            Instant now = Instant.now();
            if (extended.isAfter(now)) {
                throw new EdgeInput.EdgeInputException("not-in-future", "must not be after " + now);
            }
            throw new EdgeInput.EdgeInputException("range", "must be after the year 1");
        }
    }

    private static Optional<String> readAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String eventId = header.trim();
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new EdgeInput.EdgeInputException(
                    "format", "must be the id of a recorded event, as a command's answer gives it in Ledger-Event-Id");
        }
        return Optional.of(eventId);
    }
}
