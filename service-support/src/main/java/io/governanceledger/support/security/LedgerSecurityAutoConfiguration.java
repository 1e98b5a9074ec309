package io.governanceledger.support.security;

import io.governanceledger.support.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

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

    @Bean
    public SecurityFilterChain ledgerSecurity(HttpSecurity http, ProblemResponses problems,
                                              List<WriteAccess> writeAccess) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems.unauthorized())
                                                       .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/info",
                                             "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                            .requestMatchers("/error").permitAll();
                    for (WriteAccess access : writeAccess) {
                        requests.requestMatchers(HttpMethod.POST, access.paths().toArray(String[]::new))
                                .hasAnyRole(access.roles().toArray(String[]::new));
                    }
                    // Reads need a login; a write no capability declared is refused, never left open.
                    requests.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                            .requestMatchers("/api/**").denyAll()
                            .anyRequest().authenticated();
                })
                .build();
    }
}
