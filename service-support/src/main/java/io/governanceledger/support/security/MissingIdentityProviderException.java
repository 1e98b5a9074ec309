package io.governanceledger.support.security;

/** A service was started with no way to know who calls it: no token issuer and no opted-in Basic logins. */
public class MissingIdentityProviderException extends IllegalStateException {

    MissingIdentityProviderException() {
        super("No identity provider is configured: spring.security.oauth2.resourceserver.jwt.issuer-uri "
                + "(environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) is not set");
    }
}
