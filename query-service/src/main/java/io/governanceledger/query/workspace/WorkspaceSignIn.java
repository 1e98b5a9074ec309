package io.governanceledger.query.workspace;

import io.governanceledger.support.security.AccessTokenReader;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Completes a sign-in: the ID token and user info as Spring Security checks them, then the access token
 * the workspace will relay, read with every check the API makes. A person whose access token the API
 * would refuse (wrong audience, a subject not fit to keep, ...) is not signed in at all.
 */
final class WorkspaceSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService people = new OidcUserService();
    private final AccessTokenReader tokens;

    WorkspaceSignIn(AccessTokenReader tokens) {
        this.tokens = tokens;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = people.loadUser(request);
        try {
            return new SignedInPerson(
                    user, tokens.caller(request.getAccessToken().getTokenValue()));
        } catch (JwtException refused) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_TOKEN,
                            "The issuer's access token would not be accepted by the ledger: " + refused.getMessage(),
                            null),
                    refused);
        }
    }
}
