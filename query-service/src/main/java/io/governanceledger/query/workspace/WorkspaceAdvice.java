package io.governanceledger.query.workspace;

import io.governanceledger.support.security.AccessInterceptor;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.security.RoleRequiredException;
import io.governanceledger.support.time.BusinessClock;
import io.governanceledger.support.web.RecordNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every workspace page has: the signed-in person, the formats of their language, the rights they
 * hold on the program the page shows; and failures answered as pages in the same layout (a program one
 * may not see is "not found", as on the API).
 */
@ControllerAdvice(basePackages = "io.governanceledger.query.workspace")
@ConditionalOnWorkspace
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceAdvice {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceAdvice.class);

    private final BusinessClock clock;

    WorkspaceAdvice(BusinessClock clock) {
        this.clock = clock;
    }

    @ModelAttribute("person")
    String person() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof SignedInPerson person
                ? person.displayName()
                : null;
    }

    /** The page's own address (a form's failure shows the page the form belongs to, not its target). */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The page's address with its query, which a page at "now" asks for again when the ledger moves. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    @ModelAttribute("languages")
    java.util.List<String> languages() {
        return WorkspaceLanguages.SUPPORTED.stream().map(Locale::getLanguage).toList();
    }

    @ModelAttribute("fmt")
    Formats formats(Locale locale) {
        return new Formats(locale, clock.zone());
    }

    /** The program-wide rights the person holds on the page's program, by name ({@code may.contains('MOVE_BUDGET')}). */
    @ModelAttribute("may")
    Set<Right> rights(HttpServletRequest request) {
        Set<Right> held = EnumSet.noneOf(Right.class);
        try {
            var roles = AccessInterceptor.rolesHeld(request);
            for (Right right : Right.values()) {
                if (right.scope() == Right.Scope.PROGRAM && right.heldBy(roles)) {
                    held.add(right);
                }
            }
        } catch (IllegalStateException noProgram) {
            // a page of no single program
        }
        return held;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ModelAndView notFound(RecordNotFoundException missing, HttpServletResponse response, Locale locale) {
        return failure(HttpServletResponse.SC_NOT_FOUND, "error.notFound", missing.getMessage(), locale);
    }

    @ExceptionHandler(RoleRequiredException.class)
    ModelAndView forbidden(RoleRequiredException refused, Locale locale) {
        return failure(HttpServletResponse.SC_FORBIDDEN, "error.forbidden", refused.getMessage(), locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badLink(Exception refused, Locale locale) {
        return failure(HttpServletResponse.SC_BAD_REQUEST, "error.badRequest", refused.getMessage(), locale);
    }

    /** A page that went away while its live stream was being written to: nothing to answer, nothing to log. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void pageGone() {
        // the stream's follower is dropped by LiveUpdates
    }

    /** Anything else: logged with its cause, and a page that says the request failed without saying more. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request, Locale locale) {
        log.error("workspace page {} failed", request.getRequestURI(), failure);
        return failure(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error.unexpected", null, locale);
    }

    private ModelAndView failure(int status, String title, String detail, Locale locale) {
        ModelAndView page = new ModelAndView("workspace/error");
        page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("person", person());
        page.addObject("fmt", formats(locale));
        page.addObject("may", Set.of());
        page.addObject("path", "/workspace");
        page.addObject("languages", languages());
        log.debug("workspace page answered {}: {}", status, detail);
        return page;
    }
}
