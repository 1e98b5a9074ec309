package io.governanceledger.support.security;

import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * How this service reads an access token ({@link AccessTokens}), for the API's filter chain and for the
 * workspace, which signs a person in at the issuer and must know them exactly as the API would from the
 * same token: the same checks, the same subject, name and groups.
 */
public final class AccessTokenReader {

    private final Optional<JwtDecoder> decoder;
    private final Converter<Jwt, AbstractAuthenticationToken> callers;

    AccessTokenReader(Optional<JwtDecoder> decoder, Converter<Jwt, AbstractAuthenticationToken> callers) {
        this.decoder = decoder;
        this.callers = callers;
    }

    Optional<JwtDecoder> decoder() {
        return decoder;
    }

    Converter<Jwt, AbstractAuthenticationToken> callers() {
        return callers;
    }

    /**
     * The caller a token names, after every check the API makes.
     *
     * @throws org.springframework.security.oauth2.jwt.JwtException if the token is refused
     * @throws IllegalStateException if no issuer is configured
     */
    public Caller caller(String token) {
        JwtDecoder tokens = decoder.orElseThrow(() -> new IllegalStateException("no token issuer is configured"));
        return ((Caller.CallerAuthentication) callers.convert(tokens.decode(token))).caller();
    }
}
