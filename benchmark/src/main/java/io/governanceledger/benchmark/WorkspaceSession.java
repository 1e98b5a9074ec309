package io.governanceledger.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the workspace as a browser is: the authorization code flow through the issuer's
 * login page, then a session cookie. Used to time pages and the live stream as people meet them.
 */
final class WorkspaceSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    private WorkspaceSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Signs {@code account} (password = account, as the local issuer's trial accounts) in at {@code base}. */
    static WorkspaceSession signIn(String base, String account) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/workspace")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + login.uri() + ": " + login.statusCode());
        }
        String form =
                "username=" + encode(account) + "&password=" + encode(account) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(login.uri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(base)) {
            throw new IllegalStateException(
                    "sign-in of " + account + " ended at " + signedIn.uri() + ": " + signedIn.statusCode());
        }
        return new WorkspaceSession(http, base);
    }

    /** A page: its status and length. */
    Api.Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Answer(page.statusCode(), page.body(), null);
    }

    /** The live stream of a program, open; its lines are read by the caller. */
    BufferedReader follow(String programId) throws IOException, InterruptedException {
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(base + "/workspace/live?programId=" + encode(programId)))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("live stream answered " + stream.statusCode());
        }
        return new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
