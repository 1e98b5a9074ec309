package io.governanceledger.query.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present when people can sign in to the workspace: its client registration at the issuer is configured
 * ({@code spring.security.oauth2.client.registration.workspace.client-id}). A query service without it
 * serves the API alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "spring.security.oauth2.client.registration.workspace.client-id")
public @interface ConditionalOnWorkspace {}
