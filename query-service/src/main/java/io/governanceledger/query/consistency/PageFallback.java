package io.governanceledger.query.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workspace's pages get a page, not problem+json, when a guard cannot serve the point a link asks
 * for: the same page without that part of the link (the time-travel control says which it refused; a
 * page whose write is not taken in yet shows the state as it is, and follows the ledger live).
 */
final class PageFallback {

    private PageFallback() {}

    static boolean isPage(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/workspace");
    }

    /** Redirects to the same page without {@code parameter}; with {@code refused}, says the point was refused. */
    static void without(HttpServletRequest request, HttpServletResponse response, String parameter, boolean refused)
            throws IOException {
        String query = request.getQueryString();
        UriComponentsBuilder page = UriComponentsBuilder.fromUriString(
                        request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam(parameter);
        if (refused) {
            page.replaceQueryParam("travelRefused", parameter);
        }
        response.sendRedirect(page.build(true).toUriString());
    }
}
