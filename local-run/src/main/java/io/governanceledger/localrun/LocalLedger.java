package io.governanceledger.localrun;

import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.devtools.process.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private LocalLedger() {}

    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(System.getProperty("ledger.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".ledger");
        Path logs = Files.createDirectories(state.resolve("logs"));
        Path commandJar = ServiceProcess.jar(root, "command-service");
        Path queryJar = ServiceProcess.jar(root, "query-service");

        System.out.println("Starting PostgreSQL (data in " + state.resolve("postgres") + ") ...");
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.startOrAttach(state.resolve("postgres"), POSTGRES_PORT);
        List<ServiceProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, postgres), "local-ledger-stop"));

        services.add(start(commandJar, root, COMMAND_PORT, postgres, logs.resolve("command-service.log")));
        services.add(start(queryJar, root, QUERY_PORT, postgres, logs.resolve("query-service.log")));
        System.out.println("Starting command-service and query-service (logs in " + logs + ") ...");
        for (ServiceProcess service : services) {
            service.awaitReady(START_TIMEOUT);
        }

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

        while (services.stream().anyMatch(ServiceProcess::isAlive)) {
            Thread.sleep(500);
        }
    }

    /** The services run in {@code root}, so their signing keys ({@code .ledger/keys}) sit beside the database. */
    private static ServiceProcess start(Path jar, Path root, int port, EmbeddedPostgresServer postgres, Path log)
            throws IOException {
        return ServiceProcess.start(
                jar,
                port,
                postgres.jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                root,
                log,
                Map.of());
    }

    private static void stop(List<ServiceProcess> services, EmbeddedPostgresServer postgres) {
        services.forEach(ServiceProcess::stop);
        postgres.close();
    }
}
