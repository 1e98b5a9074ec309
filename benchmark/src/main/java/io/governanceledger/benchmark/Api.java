package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.governanceledger.devtools.identity.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The services' HTTP API as a user calls it: JSON over HTTP/1.1 with an access token of the local issuer. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String commandBase;
    private final String queryBase;

    private final Tokens tokens;

    Api(int commandPort, int queryPort, Tokens tokens) {
        this.commandBase = "http://localhost:" + commandPort;
        this.queryBase = "http://localhost:" + queryPort;
        this.tokens = tokens;
    }

    /** @param eventId the last event a command recorded ({@code Ledger-Event-Id}), or null */
    record Answer(int status, String body, String eventId) {
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
        return accepted(user, path, body).json();
    }

    /** A command's whole answer, which must be a 2xx. */
    Answer accepted(String user, String path, String body) {
        Answer answer = post(user, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + path + " -> " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    Answer post(String user, String path, String body) {
        return send("POST", commandBase + path, user, body);
    }

    Answer query(String user, String pathAndQuery) {
        return send("GET", queryBase + pathAndQuery, user, null);
    }

    /** A read answered only once the read models have taken in event {@code eventId} (read your own writes). */
    Answer queryAfter(String user, String pathAndQuery, String eventId) {
        return send("GET", queryBase + pathAndQuery, user, null, "Ledger-Read-After", eventId);
    }

    /** A read of the query service with the Authorization header given (a token, or Basic). */
    Answer queryWith(String authorization, String pathAndQuery) {
        return exchange("GET", queryBase + pathAndQuery, authorization, null);
    }

    /** The query service's readiness probe, without any sign-in: the floor of a read. */
    Answer queryProbe() {
        return exchange("GET", queryBase + "/actuator/health/readiness", null, null);
    }

    /** An access token of the local issuer for {@code user}. */
    String token(String user) {
        return tokens.forAccount(user);
    }

    /** The command service's readiness probe, which does no work: the floor of a request to it. */
    Answer commandProbe(String user) {
        return send("GET", commandBase + "/actuator/health/readiness", user, null);
    }

    Answer postQuery(String user, String path) {
        return send("POST", queryBase + path, user, "");
    }

    /**
     * One blocking request on a kept-alive connection. {@code HttpURLConnection} rather than the JDK's
     * {@code HttpClient}: the latter hands every synchronous request between the calling thread, its
     * selector thread and an executor, a cost that would be counted against the services (see
     * docs/performance.md); the client is not what is measured.
     */
    private Answer send(String method, String url, String user, String body, String... headers) {
        return exchange(method, url, "Bearer " + tokens.forAccount(user), body, headers);
    }

    private Answer exchange(String method, String url, String authorization, String body, String... headers) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(120_000);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            for (int i = 0; i < headers.length; i += 2) {
                connection.setRequestProperty(headers[i], headers[i + 1]);
            }
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(bytes.length);
                if (bytes.length > 0) {
                    connection.setRequestProperty("Content-Type", "application/json");
                }
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            // read to the end and close, so that the connection goes back to the keep-alive cache
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(
                        status,
                        in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        connection.getHeaderField("Ledger-Event-Id"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        }
    }

    /**
     * Keeps a connection per client thread (the JDK keeps 5 per server unless told) and never resends
     * a POST by itself: a command is sent once.
     */
    static void configureConnections(int clients) {
        System.setProperty("http.maxConnections", String.valueOf(clients * 2));
        System.setProperty("sun.net.http.retryPost", "false");
    }
}
