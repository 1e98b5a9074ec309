package io.governanceledger.support.security;

import io.governanceledger.events.access.AccessRole;
import io.governanceledger.support.web.AccessRefusal;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;

/** The caller may see the program (or is signed in) but holds none of the roles the request needs: 403. */
public class RoleRequiredException extends AccessDeniedException implements AccessRefusal {

    private final Right right;

    public RoleRequiredException(Right right, Set<AccessRole> needed, boolean portfolioWide) {
        super("This request needs the right " + right + ": one of the roles " + new TreeSet<>(needed)
                + (portfolioWide ? " granted portfolio-wide." : " on this program (or portfolio-wide)."));
        this.right = right;
    }

    public Right right() {
        return right;
    }

    @Override
    public String rule() {
        return "role-required";
    }
}
