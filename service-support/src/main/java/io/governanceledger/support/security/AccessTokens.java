package io.governanceledger.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How the services read access tokens, with Spring Security's JWT support: the signature against the
 * issuer's published keys (discovered from the issuer, or a configured key set), then issuer,
 * audience, an expiry and an issue time, times within the configured clock skew, and a subject fit to
 * be kept as an actor for 15 years. The key set is fetched on the first token, so a service starts while its provider is down.
 */
final class AccessTokens {

    private AccessTokens() {}

    /** The decoder for the configured issuer, or empty if no issuer or key set is configured. */
    static Optional<JwtDecoder> decoder(
            OAuth2ResourceServerProperties.Jwt jwt, LedgerSecurityProperties.Tokens tokens) {
        String issuer = jwt.getIssuerUri();
        String keySet = jwt.getJwkSetUri();
        if (isBlank(issuer)) {
            // a key set alone would leave the issuer unchecked: the issuer is always required
            return Optional.empty();
        }
        if (jwt.getAudiences().isEmpty()) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.audiences is empty: every token "
                    + "must name the audience it was issued for (governance-ledger by default)");
        }
        String principalClaim = principalClaim(jwt);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(tokens.getClockSkew()));
        if (!isBlank(issuer)) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<Collection<String>>(
                    JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
        }
        validators.add(new JwtClaimValidator<Object>(principalClaim, AccessTokens::keepableSubject));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        return Optional.of(new VerifiedTokenCache(
                new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder decoder = (isBlank(keySet)
                                    ? NimbusJwtDecoder.withIssuerLocation(issuer)
                                    : NimbusJwtDecoder.withJwkSetUri(keySet))
                            .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().stream()
                                    .map(SignatureAlgorithm::from)
                                    .forEach(algorithms::add))
                            .build();
                    decoder.setJwtValidator(validator);
                    return decoder;
                }),
                validator,
                10_000));
    }

    /** The caller a valid token names: subject from the principal claim, display name, groups. */
    static Converter<Jwt, AbstractAuthenticationToken> callers(
            OAuth2ResourceServerProperties.Jwt jwt, LedgerSecurityProperties.Tokens tokens) {
        String principalClaim = principalClaim(jwt);
        return token -> {
            String subject = token.getClaimAsString(principalClaim);
            String name = firstKeepable(
                            token.getClaimAsString(tokens.getNameClaim()), token.getClaimAsString("preferred_username"))
                    .orElse(subject);
            return new CallerToken(
                    token, new Caller(subject, name, strings(token.getClaims(), tokens.getGroupsClaim())));
        };
    }

    /** The strings at a dotted path of the claims: a list of strings or a single one; nothing else counts. */
    static Set<String> strings(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return Set.of();
            }
            value = map.get(step);
        }
        Set<String> found = new LinkedHashSet<>();
        if (value instanceof String single) {
            found.add(single);
        } else if (value instanceof Collection<?> many) {
            many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(found::add);
        }
        return found;
    }

    private static boolean keepableSubject(Object value) {
        return value instanceof String subject && Subjects.isKeepable(subject);
    }

    private static String principalClaim(OAuth2ResourceServerProperties.Jwt jwt) {
        return isBlank(jwt.getPrincipalClaimName()) ? JwtClaimNames.SUB : jwt.getPrincipalClaimName();
    }

    /** A display name the token gives, if one is fit to keep; the subject otherwise. */
    private static Optional<String> firstKeepable(String... values) {
        for (String value : values) {
            if (keepableSubject(value)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A validated token and the caller it names. */
    static final class CallerToken extends JwtAuthenticationToken implements Caller.CallerAuthentication {

        private final transient Caller caller;

        CallerToken(Jwt jwt, Caller caller) {
            super(jwt, List.of(), caller.subject());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }
}
