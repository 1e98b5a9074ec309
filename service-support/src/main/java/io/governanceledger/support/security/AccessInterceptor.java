package io.governanceledger.support.security;

import io.governanceledger.events.access.AccessRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks a handler's {@link Requires} right against the caller's grants once the handler is known and
 * before its arguments (the body) are read, and keeps the right on the request so that a write can be
 * checked again just before its command is sent ({@link #checkAgain}): a grant revoked while a slow
 * body was arriving still refuses it.
 */
public class AccessInterceptor implements HandlerInterceptor {

    private static final String CHECKED = AccessInterceptor.class.getName() + ".right";
    private static final String HELD = AccessInterceptor.class.getName() + ".held";

    private final AccessDecider decider;

    public AccessInterceptor(AccessDecider decider) {
        this.decider = decider;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // registered for /api/** as Spring MVC matches it (the decoded path); the raw URI is never tested here
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
            // a stream's later dispatch belongs to a request checked when it opened (its session may be gone since)
            return true;
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            // AccessRulesCheck stops a service with such a handler at start; never leave one open.
            throw new RoleRequiredException(Right.SIGNED_IN, Set.of(), true);
        }
        Right right = requires.value();
        request.setAttribute(CHECKED, right);
        check(request, right);
        return true;
    }

    /** The right the request's handler needed, checked once more against the grants as they are now. */
    public void checkAgain(HttpServletRequest request) {
        if (request.getAttribute(CHECKED) instanceof Right right) {
            check(request, right);
        }
    }

    private void check(HttpServletRequest request, Right right) {
        Caller caller = Caller.current();
        switch (right.scope()) {
            case CALLER -> {}
            case PROGRAM -> requireOnProgram(request, caller, right, pathProgram(request));
            case PROGRAM_IF_GIVEN -> {
                String programId = request.getParameter("programId");
                if (programId != null && !programId.isEmpty()) {
                    requireOnProgram(request, caller, right, programId);
                } else {
                    requirePortfolio(caller, right, right.portfolioRoles());
                }
            }
            case PORTFOLIO -> requirePortfolio(caller, right, right.roles());
        }
    }

    /**
     * The roles the caller holds on the program the request names, as its check found them: for a handler
     * that shows more or less by role, without asking the grants again.
     */
    @SuppressWarnings("unchecked")
    public static Set<AccessRole> rolesHeld(HttpServletRequest request) {
        Object held = request.getAttribute(HELD);
        if (held == null) {
            throw new IllegalStateException("no program-wide check ran for " + request.getRequestURI());
        }
        return (Set<AccessRole>) held;
    }

    private void requireOnProgram(HttpServletRequest request, Caller caller, Right right, String programId) {
        Set<AccessRole> held = decider.rolesOn(caller, programId);
        request.setAttribute(HELD, held);
        if (held.isEmpty()) {
            throw decider.programHidden(programId, request);
        }
        if (!right.heldBy(held)) {
            throw new RoleRequiredException(right, right.roles(), false);
        }
    }

    private void requirePortfolio(Caller caller, Right right, Set<AccessRole> needed) {
        Set<AccessRole> held = decider.portfolioRoles(caller);
        if (held.stream().noneMatch(needed::contains)) {
            throw new RoleRequiredException(right, needed, true);
        }
    }

    @SuppressWarnings("unchecked")
    private static String pathProgram(HttpServletRequest request) {
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String programId = variables == null ? null : variables.get("programId");
        if (programId == null) {
            throw new IllegalStateException(
                    request.getRequestURI() + " needs a program-wide right but names no {programId}");
        }
        return programId;
    }
}
