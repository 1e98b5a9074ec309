package io.governanceledger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP requests signed in with an access token of the test issuer for the named account
 * ({@link TestIssuer}); no account means no credentials. {@code "token:<jwt>"} sends that token as it is.
 */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Response post(String user, String path, String body) {
        return post(user, path, body, Map.of());
    }

    public Response post(String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(user, path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A POST whose body is sent in chunks, with no Content-Length. */
    public Response postStreamed(String user, String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        return send(request);
    }

    public Response get(String user, String path) {
        return get(user, path, Map.of());
    }

    public Response get(String user, String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(user, path).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response head(String user, String path) {
        return send(request(user, path)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A binary answer (a ZIP, ...), 200 expected. */
    public byte[] getBytes(String user, String path) {
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = user.startsWith("token:")
                    ? user.substring("token:".length())
                    : TestIssuer.get().tokenFor(user);
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Correlation-Id").orElse(null),
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(
            int status, String contentType, String correlationId, String body, Map<String, List<String>> headers) {

        /** The first value of a response header (names compared ignoring case), or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
