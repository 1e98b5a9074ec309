package io.governanceledger.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spring Authorization Server with the trial accounts: its endpoints ({@code /oauth2/token},
 * {@code /oauth2/jwks}, {@code /.well-known/openid-configuration}, ...) in one filter chain, the login
 * page in another. Access tokens are JWTs that name the audience, the display name and the groups.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    /** The claims the services read, beside the standard ones ({@code sub}, {@code iss}, {@code aud}, ...). */
    static final String NAME_CLAIM = "name";

    static final String GROUPS_CLAIM = "groups";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        configurer -> configurer.oidc(oidc -> oidc.logoutEndpoint(logout ->
                                logout.authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof OidcLogoutAuthenticationProvider signOut) {
                                        signOut.setAuthenticationValidator(IssuerConfiguration::postLogoutRedirect);
                                    }
                                })))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    /**
     * Where a person may be sent after signing out: one of the client's registered addresses, exactly,
     * or on the loopback address ({@code 127.0.0.1}) on any port, as for sign-in (RFC 8252, 7.3).
     */
    static void postLogoutRedirect(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken request = context.getAuthentication();
        String asked = request.getPostLogoutRedirectUri();
        if (asked == null) {
            return;
        }
        UriComponents target = UriComponentsBuilder.fromUriString(asked).build();
        boolean registered = context.getRegisteredClient().getPostLogoutRedirectUris().stream()
                .anyMatch(uri -> uri.equals(asked)
                        || ("127.0.0.1".equals(target.getHost())
                                && UriComponentsBuilder.fromUriString(uri)
                                        .port(target.getPort())
                                        .build()
                                        .toUriString()
                                        .equals(asked)));
        if (!registered) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri",
                    "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
        }
    }

    @Bean
    UserDetailsService people(IssuerProperties properties) {
        return new InMemoryUserDetailsManager(properties.getPeople().entrySet().stream()
                .map(person -> User.withUsername(person.getKey())
                        .password(person.getValue().getSecret())
                        .roles("PERSON")
                        .build())
                .toList());
    }

    /** Every trial person and every service account may use the client credentials grant as itself. */
    @Bean
    RegisteredClientRepository clients(IssuerProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.getAccessTokenTimeToLive())
                .build();
        for (Map<String, IssuerProperties.Account> accounts :
                List.of(properties.getPeople(), properties.getServiceAccounts())) {
            accounts.forEach((id, account) ->
                    clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(id)
                            .clientName(account.getName())
                            .clientSecret(account.getSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .scope(OidcScopes.PROFILE)
                            .tokenSettings(tokens)
                            .clientSettings(ClientSettings.builder().build())
                            .build()));
        }
        IssuerProperties.Workspace workspace = properties.getWorkspace();
        if (workspace.getSecret() != null && !workspace.getRedirectUris().isEmpty()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(workspace.getClientId())
                    .clientName("Governance Ledger workspace")
                    .clientSecret(workspace.getSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(workspace.getRedirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(workspace.getPostLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(properties.getAccessTokenTimeToLive())
                            .refreshTokenTimeToLive(workspace.getRefreshTokenTimeToLive())
                            .reuseRefreshTokens(false)
                            .build())
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IssuerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(properties.getKeyFile())));
    }

    @Bean
    AuthorizationServerSettings issuerSettings(IssuerProperties properties, @Value("${server.port:9000}") int port) {
        String url = properties.getUrl() != null ? properties.getUrl() : "http://localhost:" + port;
        return AuthorizationServerSettings.builder().issuer(url).build();
    }

    /**
     * What the services need to know of the caller, whoever the grant: audience, display name, groups;
     * the ID token the workspace receives names the person the same way.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims(IssuerProperties properties) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (!accessToken
                    && !OidcParameterNames.ID_TOKEN.equals(
                            context.getTokenType().getValue())) {
                return;
            }
            String subject = context.getPrincipal().getName();
            if (accessToken) {
                context.getClaims().audience(List.of(properties.getAudience()));
            }
            account(properties, subject)
                    .ifPresent(account -> context.getClaims()
                            .claim(NAME_CLAIM, account.getName() != null ? account.getName() : subject)
                            .claim(GROUPS_CLAIM, List.copyOf(account.getGroups())));
        };
    }

    private static Optional<IssuerProperties.Account> account(IssuerProperties properties, String subject) {
        return Optional.ofNullable(properties.getPeople().get(subject))
                .or(() -> Optional.ofNullable(properties.getServiceAccounts().get(subject)));
    }
}
