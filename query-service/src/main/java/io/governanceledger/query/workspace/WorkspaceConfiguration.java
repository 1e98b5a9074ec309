package io.governanceledger.query.workspace;

import io.governanceledger.support.security.AccessInterceptor;
import io.governanceledger.support.security.AccessTokenReader;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The workspace's web security and plumbing, present when its client registration is configured
 * ({@code spring.security.oauth2.client.registration.workspace.*}). The API keeps its own chain (tokens,
 * no session) for {@code ledger.security.api-paths}; every other path is the workspace's: sign-in at
 * the issuer, a session cookie that scripts cannot read, CSRF tokens on every form, a
 * Content-Security-Policy that allows no inline script or style, and sign-out that ends the session at
 * the issuer too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWorkspace
@EnableConfigurationProperties(WorkspaceProperties.class)
class WorkspaceConfiguration {

    static final String SIGNED_OUT = "/signed-out";

    @Bean
    @Order(2)
    SecurityFilterChain workspaceSecurity(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            WorkspaceProperties workspace,
            AccessTokenReader tokens)
            throws Exception {
        ClientRegistration registration = registrations.findByRegistrationId(workspace.getRegistrationId());
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        return http.authorizeHttpRequests(requests -> requests
                        // a stream's later dispatches and error pages belong to a request already checked
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/workspace/assets/**", "/webjars/**", SIGNED_OUT, "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + workspace.getRegistrationId())
                        .userInfoEndpoint(people -> people.oidcUserService(new WorkspaceSignIn(tokens))))
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                // the page asked before sign-in, without a marker parameter added to its address
                .requestCache(cache -> cache.requestCache(pagesBeforeSignIn()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy(registration)))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .build();
    }

    private static HttpSessionRequestCache pagesBeforeSignIn() {
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setMatchingRequestParameterName(null);
        return pages;
    }

    /**
     * Scripts and styles only from this origin, never inline; forms may post here and, for sign-in and
     * sign-out, lead to the issuer; no framing, no plugins, no base rewriting.
     */
    static String policy(ClientRegistration registration) {
        URI issuer = URI.create(registration.getProviderDetails().getAuthorizationUri());
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self' " + issuerOrigin;
    }

    /** Refreshes an expired access token with the session's refresh token before it is relayed. */
    @Bean
    OAuth2AuthorizedClientManager workspaceClients(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorized) {
        DefaultOAuth2AuthorizedClientManager clients =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorized);
        clients.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return clients;
    }

    @Bean
    CommandRelay commandRelay(WorkspaceProperties workspace, OAuth2AuthorizedClientManager clients) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(workspace.getCommandTimeout());
        requests.setReadTimeout(workspace.getCommandTimeout());
        OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(clients);
        return new CommandRelay(
                RestClient.builder()
                        .baseUrl(workspace.getCommandService().toString())
                        .requestFactory(requests)
                        .requestInterceptor(relay)
                        .build(),
                workspace.getRegistrationId());
    }

    @Bean
    LiveUpdates liveUpdates() {
        return new LiveUpdates();
    }

    /** Every read model's processor tells the live pages once its transaction has committed. */
    @Bean
    ConfigurerModule liveUpdatesOnCommit(LiveUpdates live) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultHandlerInterceptor((configuration, processor) -> live));
    }

    /** English, French or Dutch: from the browser, or the switch on every page (kept in a cookie). */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver locales = new CookieLocaleResolver("ledger-language");
        locales.setDefaultLocaleFunction(request -> WorkspaceLanguages.closest(request.getLocales()));
        return locales;
    }

    @Bean
    WebMvcConfigurer workspaceInterceptors(ObjectProvider<AccessInterceptor> access) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor language = new LocaleChangeInterceptor();
                language.setParamName("lang");
                language.setIgnoreInvalidLocale(true);
                registry.addInterceptor(language).addPathPatterns("/workspace/**");
                registry.addInterceptor(access.getObject()).addPathPatterns("/workspace/**");
            }
        };
    }

    /** Without a workspace, nothing outside the API is served to anyone. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${spring.security.oauth2.client.registration.workspace.client-id:}' == ''")
    static class NoWorkspace {

        @Bean
        @Order(2)
        SecurityFilterChain noWorkspace(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                    .build();
        }
    }
}
