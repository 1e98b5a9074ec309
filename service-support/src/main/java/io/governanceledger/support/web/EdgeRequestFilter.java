package io.governanceledger.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

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
        if (!isForm(request)) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                try {
                    EdgeInput.text(parameter.getKey(), false);
                } catch (EdgeInput.EdgeInputException e) {
                    refuse(response, EdgeInput.printable(parameter.getKey()), e);
                    return;
                }
                for (String value : parameter.getValue()) {
                    try {
                        EdgeInput.text(value, false);
                    } catch (EdgeInput.EdgeInputException e) {
                        refuse(response, parameter.getKey(), e);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** A form body is read only by whoever handles it (none of the API's endpoints take one). */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private void refuse(HttpServletResponse response, String field, EdgeInput.EdgeInputException e)
            throws IOException {
        ProblemResponses.FieldError error = new ProblemResponses.FieldError(field, e.rule(), e.getMessage());
        problems.write(response, ProblemResponses.invalidInput("'" + field + "' " + e.getMessage() + ".",
                                                               List.of(error)));
    }
}
