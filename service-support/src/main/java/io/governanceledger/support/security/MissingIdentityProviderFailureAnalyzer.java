package io.governanceledger.support.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, instead of a stack trace, how to point a service at its identity provider. */
class MissingIdentityProviderFailureAnalyzer extends AbstractFailureAnalyzer<MissingIdentityProviderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingIdentityProviderException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".",
                "Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI to the OpenID Connect issuer that signs your "
                        + "people's access tokens (Keycloak: https://<host>/realms/<realm>; Entra ID: "
                        + "https://login.microsoftonline.com/<tenant>/v2.0) and "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES to the audience they are issued for; "
                        + "docs/operations.md lists the settings. The local run starts an issuer of its own: "
                        + "./mvnw -q -DskipTests install && java -jar local-run/target/local-run.jar",
                cause);
    }
}
