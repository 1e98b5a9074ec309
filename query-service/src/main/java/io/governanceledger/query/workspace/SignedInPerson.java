package io.governanceledger.query.workspace;

import io.governanceledger.support.security.Caller;
import java.io.Serial;
import java.util.List;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signed in to the workspace, known as the API knows the bearer of their access token. */
final class SignedInPerson extends DefaultOidcUser implements Caller.CallerAuthentication {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String name;
    private final List<String> groups;

    SignedInPerson(OidcUser user, Caller caller) {
        super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
        this.subject = caller.subject();
        this.name = caller.name();
        this.groups = List.copyOf(caller.groups());
    }

    @Override
    public Caller caller() {
        return new Caller(subject, name, java.util.Set.copyOf(groups));
    }

    /** The subject, as on the events this person causes. */
    @Override
    public String getName() {
        return subject;
    }

    String displayName() {
        return name;
    }
}
