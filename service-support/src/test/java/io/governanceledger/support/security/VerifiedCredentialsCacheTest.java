package io.governanceledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final VerifiedCredentialsCache cache = new VerifiedCredentialsCache(
            authentication -> {
                checks.incrementAndGet();
                if (!"secret".equals(authentication.getCredentials())) {
                    throw new BadCredentialsException("bad");
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        authentication.getName(), null, AuthorityUtils.createAuthorityList("ROLE_PMO_OFFICER"));
            },
            Duration.ofMinutes(5),
            clock);

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedLoginIsCheckedWithTheSlowHashOnlyOnce() {
        assertThat(cache.authenticate(login("pmo", "secret")).isAuthenticated()).isTrue();
        assertThat(cache.authenticate(login("pmo", "secret")).getAuthorities()).hasSize(1);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        cache.authenticate(login("pmo", "secret"));
        assertThatThrownBy(() -> cache.authenticate(login("pmo", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("pmo", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("other", "secret2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(4);
    }

    @Test
    void theMemoryExpires() {
        cache.authenticate(login("pmo", "secret"));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        cache.authenticate(login("pmo", "secret"));
        assertThat(checks).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
