package io.governanceledger.issuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.issuer.*}: who may sign in, and what the tokens say.
 *
 * <p>People sign in at the login page (authorization code with PKCE, for the workspace). For curl and
 * scripts, each trial person is also a client of their own, with the same secret: the client
 * credentials grant then gives a token whose subject is that person. That is a convenience of this
 * trial issuer only; an organisation's provider has its own ways (docs/operations.md).
 */
@ConfigurationProperties(prefix = "ledger.issuer")
public class IssuerProperties {

    /** The issuer identifier, the {@code iss} of every token; the services are configured with the same. */
    private String url;
    /** The audience every access token names; the services accept only tokens meant for them. */
    private String audience = "governance-ledger";
    /** Where the signing key is kept (a JSON Web Key with its private part), made on first start. */
    private Path keyFile = Path.of(".ledger", "issuer", "signing-key.jwk");

    private Duration accessTokenTimeToLive = Duration.ofMinutes(30);
    private Map<String, Account> people = new LinkedHashMap<>();
    private Map<String, Account> serviceAccounts = new LinkedHashMap<>();
    private final Workspace workspace = new Workspace();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Path getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(Path keyFile) {
        this.keyFile = keyFile;
    }

    public Duration getAccessTokenTimeToLive() {
        return accessTokenTimeToLive;
    }

    public void setAccessTokenTimeToLive(Duration accessTokenTimeToLive) {
        this.accessTokenTimeToLive = accessTokenTimeToLive;
    }

    public Map<String, Account> getPeople() {
        return people;
    }

    public void setPeople(Map<String, Account> people) {
        this.people = people;
    }

    public Map<String, Account> getServiceAccounts() {
        return serviceAccounts;
    }

    public void setServiceAccounts(Map<String, Account> serviceAccounts) {
        this.serviceAccounts = serviceAccounts;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    /**
     * The workspace, a confidential client of the authorization code grant (PKCE required): where it may
     * send a person back after sign-in and after sign-out. A loopback address ({@code 127.0.0.1}) matches
     * on any port, as RFC 8252 allows; any other address only exactly.
     */
    public static class Workspace {
        private String clientId = "workspace";
        private String secret;
        private List<String> redirectUris = new ArrayList<>();
        private List<String> postLogoutRedirectUris = new ArrayList<>();
        private Duration refreshTokenTimeToLive = Duration.ofHours(8);

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(List<String> postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public Duration getRefreshTokenTimeToLive() {
            return refreshTokenTimeToLive;
        }

        public void setRefreshTokenTimeToLive(Duration refreshTokenTimeToLive) {
            this.refreshTokenTimeToLive = refreshTokenTimeToLive;
        }
    }

    /** A person or a service account: the display name, the secret (with its encoding), the groups. */
    public static class Account {
        private String name;
        private String secret;
        private List<String> groups = List.of();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getGroups() {
            return groups;
        }

        public void setGroups(List<String> groups) {
            this.groups = groups;
        }
    }
}
