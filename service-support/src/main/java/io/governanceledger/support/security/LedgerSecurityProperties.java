package io.governanceledger.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.*}: what the services read from access tokens beyond Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, key set, audiences, principal claim),
 * and the HTTP Basic logins a local trial may opt into.
 */
@ConfigurationProperties(prefix = "ledger.security")
public class LedgerSecurityProperties {

    private final Tokens tokens = new Tokens();
    private final Basic basic = new Basic();
    /**
     * The paths the API's filter chain guards (tokens, no session); empty means every path. A service
     * that also serves pages (the query service's workspace) names its API paths, and its pages get a
     * chain of their own with a session and CSRF protection.
     */
    private List<String> apiPaths = new ArrayList<>();

    public List<String> getApiPaths() {
        return apiPaths;
    }

    public void setApiPaths(List<String> apiPaths) {
        this.apiPaths = apiPaths;
    }

    public Tokens getTokens() {
        return tokens;
    }

    public Basic getBasic() {
        return basic;
    }

    public static class Tokens {
        /** How far the token's times (exp, nbf, iat) may be off this machine's clock. */
        private Duration clockSkew = Duration.ofSeconds(60);
        /** The claim with the person's display name; {@code preferred_username}, then the subject, if absent. */
        private String nameClaim = "name";
        /**
         * The claim with the person's groups, a dotted path for a nested claim (Keycloak's realm roles:
         * {@code realm_access.roles}); grants to a group apply to everyone the token says is in it.
         */
        private String groupsClaim = "groups";

        public Duration getClockSkew() {
            return clockSkew;
        }

        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        public String getNameClaim() {
            return nameClaim;
        }

        public void setNameClaim(String nameClaim) {
            this.nameClaim = nameClaim;
        }

        public String getGroupsClaim() {
            return groupsClaim;
        }

        public void setGroupsClaim(String groupsClaim) {
            this.groupsClaim = groupsClaim;
        }
    }

    /** HTTP Basic logins: off unless a local trial turns them on. Never in a shared deployment. */
    public static class Basic {
        private boolean enabled;
        private Duration verifiedLoginTtl = Duration.ofMinutes(5);
        private Map<String, User> users = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getVerifiedLoginTtl() {
            return verifiedLoginTtl;
        }

        public void setVerifiedLoginTtl(Duration verifiedLoginTtl) {
            this.verifiedLoginTtl = verifiedLoginTtl;
        }

        public Map<String, User> getUsers() {
            return users;
        }

        public void setUsers(Map<String, User> users) {
            this.users = users;
        }
    }

    /** A Basic login: its password (naming its encoding, {@code {bcrypt}...}), display name and groups. */
    public static class User {
        private String password;
        private String name;
        private List<String> groups = List.of();

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getGroups() {
            return groups;
        }

        public void setGroups(List<String> groups) {
            this.groups = groups;
        }
    }
}
