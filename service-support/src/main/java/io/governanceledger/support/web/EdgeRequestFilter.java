package io.governanceledger.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the decoded path and every query parameter of a request to {@link EdgeInput}'s text rule
 * before anything reads them: a NUL or other control character in an id or a filter is refused with
 * 400 naming the parameter, instead of reaching SQL. (Bodies are held by {@link EdgeInputModule}.)
 */
public class EdgeRequestFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public EdgeRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        try {
            EdgeInput.text(path, false);
        } catch (EdgeInput.EdgeInputException e) {
            refuse(response, "path", e);
            return;
        }
        // this API's paths never need percent-encoding (ids are letters, digits and . _ -); an encoded path
        // would be matched decoded by Spring MVC while anything reading the raw URI saw another path
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        if (raw.indexOf('%') >= 0) {
            refuse(
                    response,
                    "path",
                    new EdgeInput.EdgeInputException(
                            "encoded-path", "is percent-encoded; the API's paths are written as they are"));
            return;
        }
        // read from the query string itself: the servlet's parameter map would also read a form body (or the
        // parts of a multipart one) before anyone has signed in, and skip the query when it did
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    refuse(
                            response,
                            "query",
                            new EdgeInput.EdgeInputException(
                                    "format",
                                    "is not a well-formed query string (a '%' must start a two-digit hex escape)"));
                    return;
                }
                try {
                    EdgeInput.text(name, false);
                } catch (EdgeInput.EdgeInputException e) {
                    refuse(response, EdgeInput.printable(name), e);
                    return;
                }
                try {
                    EdgeInput.text(value, false);
                } catch (EdgeInput.EdgeInputException e) {
                    refuse(response, name, e);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String field, EdgeInput.EdgeInputException e) throws IOException {
        ProblemResponses.FieldError error = new ProblemResponses.FieldError(field, e.rule(), e.getMessage());
        problems.write(
                response, ProblemResponses.invalidInput("'" + field + "' " + e.getMessage() + ".", List.of(error)));
    }
}
