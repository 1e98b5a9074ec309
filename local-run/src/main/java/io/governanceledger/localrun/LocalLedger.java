package io.governanceledger.localrun;

import io.governanceledger.support.postgres.EmbeddedPostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole system on this machine: a real PostgreSQL from the embedded binaries (its data kept
 * in {@code .ledger/postgres}, so a restart loses nothing), then the command and query services as
 * two separate processes against it, as in production. Ctrl-C stops the services, then the database.
 */
public final class LocalLedger {

    private static final int POSTGRES_PORT = Integer.getInteger("ledger.postgres.port", 54329);
    private static final int COMMAND_PORT = Integer.getInteger("ledger.command.port", 8081);
    private static final int QUERY_PORT = Integer.getInteger("ledger.query.port", 8082);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private LocalLedger() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("ledger.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".ledger");
        Path logs = Files.createDirectories(state.resolve("logs"));
        Path commandJar = jar(root, "command-service");
        Path queryJar = jar(root, "query-service");

        System.out.println("Starting PostgreSQL (data in " + state.resolve("postgres") + ") ...");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOrAttach(state.resolve("postgres"), POSTGRES_PORT);
        List<Process> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, postgres), "local-ledger-stop"));

        services.add(start(commandJar, COMMAND_PORT, postgres, logs.resolve("command-service.log")));
        services.add(start(queryJar, QUERY_PORT, postgres, logs.resolve("query-service.log")));
        System.out.println("Starting command-service and query-service (logs in " + logs + ") ...");
        awaitReady(COMMAND_PORT, services.get(0), logs.resolve("command-service.log"));
        awaitReady(QUERY_PORT, services.get(1), logs.resolve("query-service.log"));

        System.out.printf("""

                Governance Ledger is running.
                  commands (writes): http://localhost:%1$d/api   OpenAPI: http://localhost:%1$d/swagger-ui.html
                  queries  (reads):  http://localhost:%2$d/api   OpenAPI: http://localhost:%2$d/swagger-ui.html
                  PostgreSQL:        %3$s (user postgres, password postgres)
                  logins:            pmo / pmo (PMO officer: programs, decisions, budget requests)
                                     finance / finance, controller / controller, cfo / cfo (finance controllers)
                                     contracts / contracts (contract manager)
                                     auditor / auditor, viewer / viewer (read only)
                                     operator / operator (rebuilds read models)
                  try:               curl -u pmo:pmo http://localhost:%2$d/api/programs
                Press Ctrl-C to stop.
                %n""", COMMAND_PORT, QUERY_PORT, postgres.jdbcUrl());

        for (Process service : services) {
            service.waitFor();
        }
    }

    private static Path jar(Path root, String module) throws IOException {
        try (var files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no " + module + " jar: build first with "
                                                                             + "./mvnw -DskipTests install"));
        }
    }

    private static Process start(Path jar, int port, EmbeddedPostgresServer postgres, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "PORT", String.valueOf(port),
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER,
                "SPRING_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD));
        return builder.start();
    }

    private static void awaitReady(int port, Process process, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                           .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service on port " + port + " stopped during start-up; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service on port " + port + " not ready after " + START_TIMEOUT + "; see " + log);
    }

    private static void stop(List<Process> services, EmbeddedPostgresServer postgres) {
        services.forEach(Process::destroy);
        for (Process service : services) {
            try {
                service.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        postgres.close();
    }
}
