package io.governanceledger.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI documents say how to sign in: every operation requires the HTTP Basic login that
 * {@link LedgerSecurityAutoConfiguration} checks, so a client generated from them knows it must send
 * credentials. The documents are named after the service that serves them.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class SecurityDocumentation {

    static final String BASIC = "basicAuth";

    @Bean
    public OpenApiCustomizer signInRequired(@Value("${spring.application.name:governance-ledger}") String service) {
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
            openApi.getComponents()
                    .addSecuritySchemes(
                            BASIC,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description("A configured user's login and password (ledger.security.users.*)"));
            if (openApi.getPaths() != null) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations()
                                .forEach(operation -> operation.setSecurity(
                                        java.util.List.of(new SecurityRequirement().addList(BASIC)))));
            }
        };
    }
}
