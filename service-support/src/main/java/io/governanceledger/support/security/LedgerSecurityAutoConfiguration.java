package io.governanceledger.support.security;

import io.governanceledger.support.web.ProblemResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic over configured accounts; stored passwords name their encoding ({@code {noop}},
 * {@code {bcrypt}}, ...), as Spring Security's delegating encoder expects. Every {@code /api} call needs a login; which roles may write
 * where is declared by each capability as a {@link WriteAccess} bean, checked before the body is read. Missing or wrong credentials give 401 and a wrong role 403,
 * both as problem+json. No sessions, so no CSRF token is needed or accepted.
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties(LedgerUsersProperties.class)
public class LedgerSecurityAutoConfiguration {

    @Bean
    public UserDetailsService ledgerUsers(LedgerUsersProperties properties) {
        List<UserDetails> users = properties.getUsers().entrySet().stream()
                .map(entry -> User.withUsername(entry.getKey())
                        .password(entry.getValue().getPassword())
                        .roles(entry.getValue().getRoles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Passwords are checked with the encoding they name; the accounts are never re-encoded at run
     * time (which would turn a {@code {noop}} trial password into a per-request bcrypt check), and a
     * verified login is remembered briefly so HTTP Basic does not pay for the hash on every request.
     */
    @Bean
    public AuthenticationManager ledgerAuthentication(
            UserDetailsService users, @Value("${ledger.security.verified-login-ttl:PT5M}") Duration ttl) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(new VerifiedCredentialsCache(passwords::authenticate, ttl, Clock.systemUTC()));
    }

    @Bean
    public SecurityFilterChain ledgerSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            List<WriteAccess> writeAccess,
            AuthenticationManager ledgerAuthentication)
            throws Exception {
        return http.authenticationManager(ledgerAuthentication)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    HttpMethod.GET,
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/v3/api-docs/**",
                                    "/swagger-ui/**",
                                    "/swagger-ui.html")
                            .permitAll()
                            .requestMatchers("/error")
                            .permitAll();
                    for (WriteAccess access : writeAccess) {
                        requests.requestMatchers(HttpMethod.POST, access.paths().toArray(String[]::new))
                                .hasAnyRole(access.roles().toArray(String[]::new));
                    }
                    // Reads need a login; a write no capability declared is refused, never left open.
                    requests.requestMatchers(HttpMethod.GET, "/api/**")
                            .authenticated()
                            .requestMatchers(HttpMethod.HEAD, "/api/**")
                            .authenticated()
                            .requestMatchers("/api/**")
                            .denyAll()
                            .anyRequest()
                            .authenticated();
                })
                .build();
    }
}
