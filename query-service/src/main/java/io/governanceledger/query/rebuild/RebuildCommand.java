package io.governanceledger.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The command line for a rebuild: {@code java -jar query-service.jar rebuild <read model>
 * [--url=http://localhost:8082] [--token=...]}. It asks the running query service to rebuild (the
 * service does the work, so its read model never goes away) and prints the progress every second until
 * the new copy answers. The access token (of an operator: a portfolio-wide OPERATOR grant) may also come
 * from LEDGER_ACCESS_TOKEN.
 * Exit status 0 when swapped, 1 when the rebuild failed, 2 for a usage or connection error.
 */
public final class RebuildCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildCommand() {}

    public static int run(String[] args, PrintStream out) {
        String readModel = null;
        String url = "http://localhost:" + System.getenv().getOrDefault("PORT", "8082");
        String token = System.getenv("LEDGER_ACCESS_TOKEN");
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--url=")) {
                url = arg.substring(6);
            } else if (arg.startsWith("--token=")) {
                token = arg.substring(8);
            } else if (readModel == null && !arg.startsWith("--")) {
                readModel = arg;
            } else {
                out.println("unknown argument: " + arg);
                return usage(out);
            }
        }
        if (readModel == null || token == null || token.isBlank()) {
            return usage(out);
        }
        String auth = "Bearer " + token;
        URI uri = URI.create(url + "/api/admin/read-models/" + readModel + "/rebuild");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> started = client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", auth)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                out.println("rebuild refused (" + started.statusCode() + "): " + started.body());
                return 2;
            }
            while (true) {
                JsonNode progress = JSON.readTree(client.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Authorization", auth)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                out.println(line(progress));
                String state = progress.path("state").asText();
                if (RebuildProgress.State.SWAPPED.name().equals(state)) {
                    return 0;
                }
                if (RebuildProgress.State.FAILED.name().equals(state)) {
                    return 1;
                }
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            out.println("cannot reach the query service at " + url + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    static String line(JsonNode progress) {
        StringBuilder line = new StringBuilder()
                .append(progress.path("readModel").asText())
                .append(' ')
                .append(progress.path("state").asText())
                .append(": ")
                .append(progress.path("eventsProcessed").asLong())
                .append(" events, position ")
                .append(progress.path("position").asLong())
                .append(" of ")
                .append(progress.path("ledgerHead").asLong())
                .append(", ")
                .append(progress.path("eventsPerSecond").asDouble())
                .append(" events/s");
        if (progress.hasNonNull("secondsLeft")) {
            line.append(", about ")
                    .append(progress.path("secondsLeft").asLong())
                    .append(" s left");
        }
        if (progress.hasNonNull("failure")) {
            line.append(" - ").append(progress.path("failure").asText());
        }
        return line.toString();
    }

    private static int usage(PrintStream out) {
        out.println("usage: java -jar query-service.jar rebuild <programs|decisions|budget|contracts|audit|access|all>"
                + " [--url=http://localhost:8082] --token=<an operator's access token, or set LEDGER_ACCESS_TOKEN>");
        return 2;
    }
}
