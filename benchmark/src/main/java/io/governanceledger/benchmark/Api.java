package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The services' HTTP API as a user calls it: JSON over HTTP/1.1 with basic authentication. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
                                              .version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5))
                                              .build();
    private final String commandBase;
    private final String queryBase;

    Api(int commandPort, int queryPort) {
        this.commandBase = "http://localhost:" + commandPort;
        this.queryBase = "http://localhost:" + queryPort;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A command; fails loudly on anything but a 2xx, since a benchmark of refusals measures nothing. */
    JsonNode command(String user, String path, String body) {
        Answer answer = post(user, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + path + " -> " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    Answer post(String user, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(commandBase + path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    Answer query(String user, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(queryBase + pathAndQuery)).GET(), user);
    }

    Answer postQuery(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(queryBase + path)).POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    private Answer send(HttpRequest.Builder request, String user) {
        String login = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Basic " + login)
                                                             .timeout(Duration.ofSeconds(120)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
