package io.governanceledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private static final Instant ISSUED = Instant.parse("2026-12-06T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED.plusSeconds(10));

    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.equals("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("pmo")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(5)))
                .build();
    };

    private VerifiedTokenCache cache(int capacity) {
        JwtTimestampValidator times = new JwtTimestampValidator(Duration.ofSeconds(60));
        times.setClock(new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        return new VerifiedTokenCache(verifier, times, capacity);
    }

    @Test
    void aTokenIsVerifiedOnceAndStillRefusedTheMomentItExpires() {
        VerifiedTokenCache cache = cache(10);
        assertThat(cache.decode("token-a").getSubject()).isEqualTo("pmo");
        assertThat(cache.decode("token-a").getSubject()).isEqualTo("pmo");
        assertThat(verifications).hasValue(1);

        now.set(ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(61)); // past exp and the skew
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = cache(10);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void pastItsCapacityItStartsAfresh() {
        VerifiedTokenCache cache = cache(2);
        cache.decode("a");
        cache.decode("b");
        cache.decode("c");
        cache.decode("a");
        assertThat(verifications).hasValue(4);
    }
}
