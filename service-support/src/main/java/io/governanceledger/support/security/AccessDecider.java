package io.governanceledger.support.security;

import io.governanceledger.events.access.AccessRole;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a caller holds now, from the access grants each service keeps. Grants to the caller's
 * subject and to any of the groups in their token count; a portfolio-wide grant counts on every program.
 */
public interface AccessDecider {

    /** The roles on {@code programId}, portfolio-wide grants included; empty if the caller may not see it. */
    Set<AccessRole> rolesOn(Caller caller, String programId);

    /** The roles granted portfolio-wide. */
    Set<AccessRole> portfolioRoles(Caller caller);

    /**
     * The programs on which the caller holds one of {@code roles} now, for answers that list several
     * programs' records: empty when one of them is held portfolio-wide (every program).
     */
    Optional<Set<String>> programsWhere(Caller caller, Set<AccessRole> roles);

    /** Whether {@code deputy} may act on behalf of {@code principal} on the program now (a deputy appointment). */
    boolean actsFor(String deputy, String principal, String programId);

    /**
     * The 404 a caller gets for a program they may not see: the one a program that does not exist gets
     * at that request, so the answer does not tell the two apart.
     */
    RuntimeException programHidden(String programId, jakarta.servlet.http.HttpServletRequest request);
}
