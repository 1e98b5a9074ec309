package io.governanceledger.support.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person or service account: the subject the identity provider vouches for (the actor
 * on every event they cause), a display name, and the groups it says they belong to.
 */
public record Caller(String subject, String name, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    /** The caller of the current request; fails if the request is not authenticated. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            if (authentication instanceof CallerAuthentication signedIn) {
                return signedIn.caller();
            }
            // signed in to the workspace: the person the session's access token names
            if (authentication.getPrincipal() instanceof CallerAuthentication person) {
                return person.caller();
            }
        }
        throw new IllegalStateException("no signed-in caller for this request");
    }

    /** An authentication that knows who signed in. */
    public interface CallerAuthentication {
        Caller caller();
    }
}
