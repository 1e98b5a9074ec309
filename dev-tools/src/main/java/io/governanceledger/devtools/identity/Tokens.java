package io.governanceledger.devtools.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from an OpenID Connect issuer's token endpoint by the client credentials grant, one
 * per account (the local issuer's trial people and service accounts are clients of their own, with
 * their name as secret unless told otherwise). A token is reused until a minute before it expires.
 */
public final class Tokens {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenEndpoint;
    private final Map<String, Token> issued = new ConcurrentHashMap<>();

    public Tokens(String issuer) {
        this.tokenEndpoint = URI.create(issuer.replaceAll("/$", "") + "/oauth2/token");
    }

    /** A token for {@code account}, whose secret is its name. */
    public String forAccount(String account) {
        return forAccount(account, account);
    }

    public String forAccount(String account, String secret) {
        Token token = issued.get(account + '\u0000' + secret);
        if (token == null || token.expires().isBefore(Instant.now().plusSeconds(60))) {
            token = request(account, secret);
            issued.put(account + '\u0000' + secret, token);
        }
        return token.value();
    }

    private Token request(String account, String secret) {
        String credentials = Base64.getEncoder()
                .encodeToString((encode(account) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the issuer refused a token for '" + account + "': "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            return new Token(
                    answer.path("access_token").asString(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(300)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the issuer at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant expires) {}
}
