package io.governanceledger.support.access;

import io.governanceledger.events.access.AccessRole;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do now, from a service's copy of the grants: both services decide the same way.
 * "Now" counts every grant and revocation the copy holds, whatever the clock of the instance that
 * recorded it said (a revocation is never dated after it is recorded), and the grants' days by this
 * instance's business calendar.
 */
public abstract class GrantDecider implements AccessDecider {

    /** Later than any recorded or effective instant: everything the copy holds is known and in effect. */
    private static final Instant EVERYTHING = Instant.parse("9999-12-31T23:59:59Z");

    protected final GrantTable grants;
    private final BusinessClock clock;

    protected GrantDecider(GrantTable grants, BusinessClock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Set<AccessRole> rolesOn(Caller caller, String programId) {
        Instant now = clock.now();
        return grants.roles(caller, programId, clock.dateOf(now), EVERYTHING, EVERYTHING);
    }

    @Override
    public Set<AccessRole> portfolioRoles(Caller caller) {
        Instant now = clock.now();
        return grants.roles(caller, null, clock.dateOf(now), EVERYTHING, EVERYTHING);
    }

    @Override
    public boolean actsFor(String deputy, String principal, String programId) {
        Instant now = clock.now();
        return grants.actsFor(deputy, principal, programId, clock.dateOf(now), EVERYTHING, EVERYTHING);
    }

    @Override
    public Optional<Set<String>> programsWhere(Caller caller, Set<AccessRole> roles) {
        if (portfolioRoles(caller).stream().anyMatch(roles::contains)) {
            return Optional.empty();
        }
        Instant now = clock.now();
        return Optional.of(grants.programsGranted(caller, roles, clock.dateOf(now), EVERYTHING, EVERYTHING));
    }
}
