package io.governanceledger.query.pointintime;

import io.governanceledger.support.web.EdgeInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the point a read asks for, once: {@code asOf} (a date or an instant), {@code knownAt} (an
 * instant) and the {@value RequestedPoint#READ_AFTER} header, under the edge's rules for a view point,
 * into the {@link RequestedPoint} that the consistency guards and the handlers receive. It answers
 * nothing itself: a value that breaks a rule is answered 400, naming it, by the handler that needs it
 * ({@link PointInTimeWebConfiguration}), so a read that takes no point is not refused for one. Runs
 * after sign-in and before the guards that wait on the point.
 */
@Component
@Order(PointInTimeFilter.ORDER)
class PointInTimeFilter extends OncePerRequestFilter {

    /** After Spring Security's filters; the guards, which wait on the point, run after this one. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final String AS_OF = "asOf";
    static final String KNOWN_AT = "knownAt";
    /** On a workspace page, the event a form just recorded (browsers cannot send a header on a redirect). */
    static final String READ_AFTER_PARAMETER = "readAfter";

    private static final String WORKSPACE = "/workspace";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !(path.startsWith("/api/") || path.startsWith(WORKSPACE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String readAfter = request.getHeader(RequestedPoint.READ_AFTER);
        if (readAfter == null && request.getRequestURI().startsWith(WORKSPACE)) {
            // a page shown after a form was sent: the form's event, carried in the link
            readAfter = request.getParameter(READ_AFTER_PARAMETER);
        }
        request.setAttribute(
                RequestedPoint.ATTRIBUTE,
                new RequestedPoint(
                        // an empty asOf is refused as not a date; an empty knownAt means now
                        given(request.getParameter(AS_OF), AsOf::point),
                        given(emptyAsAbsent(request.getParameter(KNOWN_AT)), EdgeInput::pointInstant),
                        Optional.ofNullable(readAfter).map(String::trim)));
        chain.doFilter(request, response);
    }

    /** The first value given; a read names one point. */
    private static <T> RequestedPoint.Given<T> given(String text, Function<String, T> parse) {
        if (text == null) {
            return RequestedPoint.Given.absent();
        }
        try {
            return new RequestedPoint.Given<>(text, parse.apply(text), null);
        } catch (EdgeInput.EdgeInputException refused) {
            return new RequestedPoint.Given<>(text, null, refused);
        }
    }

    private static String emptyAsAbsent(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
