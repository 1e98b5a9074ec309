package io.governanceledger.support.security;

import io.governanceledger.support.web.ProblemResponses;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who is calling, and what they may do. Both services are OAuth2 resource servers: every {@code /api}
 * request carries a JWT access token from the configured OpenID Connect issuer ({@link AccessTokens}).
 * HTTP Basic over configured logins exists only as an explicit opt-in for local trials
 * ({@code ledger.security.basic.enabled}). What a caller may do is decided per handler by its
 * {@link Requires} right against the access grants on the ledger ({@link AccessDecider}). No sessions,
 * so no CSRF token is needed or accepted. Missing or invalid credentials give 401, a missing role 403,
 * a program the caller may not see 404, all as problem+json.
 */
@AutoConfiguration
@EnableConfigurationProperties({LedgerSecurityProperties.class, OAuth2ResourceServerProperties.class})
public class LedgerSecurityAutoConfiguration {

    @Bean
    public AccessTokenReader ledgerAccessTokens(
            LedgerSecurityProperties security, OAuth2ResourceServerProperties resourceServer) {
        return new AccessTokenReader(
                AccessTokens.decoder(resourceServer.getJwt(), security.getTokens()),
                AccessTokens.callers(resourceServer.getJwt(), security.getTokens()));
    }

    @Bean
    @Order(1)
    public SecurityFilterChain ledgerSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            LedgerSecurityProperties security,
            AccessTokenReader accessTokens)
            throws Exception {
        Optional<JwtDecoder> tokens = accessTokens.decoder();
        boolean basic = security.getBasic().isEnabled();
        if (!security.getApiPaths().isEmpty()) {
            http.securityMatcher(security.getApiPaths().toArray(String[]::new));
        }
        if (tokens.isEmpty() && !basic) {
            throw new MissingIdentityProviderException();
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems.unauthorized(basic))
                        .accessDeniedHandler(problems.forbidden()));
        if (tokens.isPresent()) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems.unauthorized(basic))
                    .accessDeniedHandler(problems.forbidden())
                    .jwt(jwt -> jwt.decoder(tokens.get()).jwtAuthenticationConverter(accessTokens.callers())));
        }
        if (basic) {
            // a provider beside the token's, not the shared manager: replacing that would leave tokens unchecked
            http.authenticationProvider(basicLogins(security.getBasic()))
                    .httpBasic(login -> login.authenticationEntryPoint(problems.unauthorized(true)));
        }
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .build();
    }

    /**
     * Passwords are checked with the encoding they name and never re-encoded at run time; a verified
     * login is remembered briefly so Basic does not pay for the hash on every request.
     */
    private static VerifiedCredentialsCache basicLogins(LedgerSecurityProperties.Basic basic) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(basic.getUsers().entrySet().stream()
                .map(entry -> User.withUsername(entry.getKey())
                        .password(entry.getValue().getPassword())
                        .authorities(List.of())
                        .build())
                .toList());
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new VerifiedCredentialsCache(
                login -> {
                    var verified = passwords.authenticate(login);
                    LedgerSecurityProperties.User user = basic.getUsers().get(verified.getName());
                    return new BasicCaller(
                            verified,
                            new Caller(
                                    verified.getName(),
                                    user.getName() != null ? user.getName() : verified.getName(),
                                    java.util.Set.copyOf(user.getGroups())));
                },
                basic.getVerifiedLoginTtl(),
                Clock.systemUTC());
    }

    /** A verified Basic login and the caller it names. */
    static final class BasicCaller extends UsernamePasswordAuthenticationToken implements Caller.CallerAuthentication {

        private final transient Caller caller;

        BasicCaller(org.springframework.security.core.Authentication verified, Caller caller) {
            super(verified.getPrincipal(), null, verified.getAuthorities());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }

    @Bean
    public AccessInterceptor ledgerAccessInterceptor(AccessDecider decider) {
        return new AccessInterceptor(decider);
    }

    @Bean
    public WebMvcConfigurer ledgerAccessChecks(ObjectProvider<AccessInterceptor> interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor.getObject()).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    static AccessRulesCheck ledgerAccessRulesCheck(
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                    ObjectProvider<RequestMappingHandlerMapping> handlers) {
        return new AccessRulesCheck(handlers);
    }
}
