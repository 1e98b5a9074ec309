package io.governanceledger.support.security;

import io.governanceledger.events.access.AccessRole;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI documents say how to sign in and what each operation needs: the security schemes
 * (OpenID Connect discovery of the configured issuer and the bearer token it issues; Basic only where
 * a trial turned it on), a requirement on every operation but the public ones, and the handler's
 * {@link Requires} right with the roles that hold it as {@code x-ledger-access}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class SecurityDocumentation {

    static final String OPENID = "openId";
    static final String BEARER = "bearerToken";
    static final String BASIC = "basicAuth";
    /** The operation's right, its scope and the roles holding it. */
    public static final String ACCESS_EXTENSION = "x-ledger-access";

    @Bean
    public OpenApiCustomizer signInRequired(
            @Value("${spring.application.name:governance-ledger}") String service,
            OAuth2ResourceServerProperties resourceServer,
            LedgerSecurityProperties security) {
        return openApi -> {
            openApi.info(new Info()
                    .title("Governance Ledger: " + service)
                    .version("1")
                    .description(
                            service.startsWith("command")
                                    ? "Writes: every accepted request is recorded as immutable events in the ledger."
                                    : "Reads: views of the ledger as of any effective date, as known at any instant."));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            List<String> schemes = new ArrayList<>();
            String issuer = resourceServer.getJwt().getIssuerUri();
            if (issuer != null && !issuer.isBlank()) {
                openApi.getComponents()
                        .addSecuritySchemes(
                                OPENID,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OPENIDCONNECT)
                                        .openIdConnectUrl(
                                                issuer.replaceAll("/$", "") + "/.well-known/openid-configuration")
                                        .description("Sign in with the organisation's identity provider"));
                schemes.add(OPENID);
            }
            openApi.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("An access token from the configured issuer, for the audience "
                                            + String.join(
                                                    ", ",
                                                    resourceServer.getJwt().getAudiences())));
            schemes.add(BEARER);
            if (security.getBasic().isEnabled()) {
                openApi.getComponents()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Local trial logins (ledger.security.basic.users.*)"));
                schemes.add(BASIC);
            }
            List<SecurityRequirement> anyOf = schemes.stream()
                    .map(scheme -> new SecurityRequirement().addList(scheme))
                    .toList();
            if (openApi.getPaths() != null) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations()
                                .forEach(operation -> operation.setSecurity(new ArrayList<>(anyOf))));
            }
        };
    }

    /** Each operation names the right it needs, as its handler declares it. */
    @Bean
    public OperationCustomizer accessRights() {
        return (operation, handler) -> {
            Requires requires = handler.getMethodAnnotation(Requires.class);
            if (requires != null) {
                Right right = requires.value();
                Map<String, Object> access = new LinkedHashMap<>();
                access.put("right", right.name());
                access.put("scope", right.scope().name());
                access.put(
                        "roles",
                        right.roles().stream().map(AccessRole::name).sorted().toList());
                if (!right.portfolioRoles().isEmpty() && right.scope() == Right.Scope.PROGRAM_IF_GIVEN) {
                    access.put(
                            "portfolioRoles",
                            right.portfolioRoles().stream()
                                    .map(AccessRole::name)
                                    .sorted()
                                    .toList());
                }
                operation.addExtension(ACCESS_EXTENSION, access);
            }
            return operation;
        };
    }
}
