package io.governanceledger.localrun;

import io.governanceledger.devtools.identity.Tokens;
import io.governanceledger.devtools.identity.TrialAccess;
import io.governanceledger.devtools.identity.WorkspaceClient;
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
 * in {@code .ledger/postgres}, so a restart loses nothing), the local OpenID Connect issuer with the
 * trial accounts (its signing key kept in {@code .ledger/issuer}), then the command and query services
 * as separate processes against them, as in production. On the first start the bootstrap administrator
 * ({@code admin}) records the trial's portfolio-wide grants. Ctrl-C stops everything.
 */
public final class LocalLedger {

    private static final int POSTGRES_PORT = Integer.getInteger("ledger.postgres.port", 54329);
    private static final int COMMAND_PORT = Integer.getInteger("ledger.command.port", 8081);
    private static final int QUERY_PORT = Integer.getInteger("ledger.query.port", 8082);
    private static final int ISSUER_PORT = Integer.getInteger("ledger.issuer.port", 9000);
    private static final String ADMINISTRATOR = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private LocalLedger() {}

    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(System.getProperty("ledger.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".ledger");
        Path logs = Files.createDirectories(state.resolve("logs"));
        Path commandJar = ServiceProcess.jar(root, "command-service");
        Path queryJar = ServiceProcess.jar(root, "query-service");
        Path issuerJar = ServiceProcess.jar(root, "local-issuer");
        String issuerUrl = "http://localhost:" + ISSUER_PORT;

        System.out.println("Starting PostgreSQL (data in " + state.resolve("postgres") + ") ...");
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.startOrAttach(state.resolve("postgres"), POSTGRES_PORT);
        List<ServiceProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services, postgres), "local-ledger-stop"));

        System.out.println("Starting the local issuer, command-service and query-service (logs in " + logs + ") ...");
        services.add(ServiceProcess.startWithoutDatabase(
                issuerJar,
                ISSUER_PORT,
                root,
                logs.resolve("local-issuer.log"),
                List.of("--ledger.issuer.url=" + issuerUrl)));
        Map<String, String> signIn = Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuerUrl,
                "LEDGER_ACCESS_BOOTSTRAPADMINISTRATOR", ADMINISTRATOR);
        services.add(start(commandJar, root, COMMAND_PORT, postgres, logs.resolve("command-service.log"), signIn));
        // the workspace looks up its sign-in at the issuer as it starts
        services.get(0).awaitReady(START_TIMEOUT);
        Map<String, String> workspace = new java.util.HashMap<>(signIn);
        workspace.putAll(WorkspaceClient.environment(issuerUrl, "http://localhost:" + COMMAND_PORT));
        services.add(start(queryJar, root, QUERY_PORT, postgres, logs.resolve("query-service.log"), workspace));
        for (ServiceProcess service : services) {
            service.awaitReady(START_TIMEOUT);
        }
        Path granted = state.resolve("trial-access-granted");
        if (!Files.exists(granted)) {
            TrialAccess.grant(
                    "http://localhost:" + COMMAND_PORT,
                    new Tokens(issuerUrl).forAccount(ADMINISTRATOR),
                    TrialAccess.PORTFOLIO);
            Files.writeString(granted, "The trial's portfolio-wide grants were recorded by " + ADMINISTRATOR + ".\n");
        }

        System.out.printf("""

                Governance Ledger is running.
                  workspace:         http://localhost:%2$d/   (sign in as pmo / pmo, finance / finance, auditor / auditor, ...)
                  commands (writes): http://localhost:%1$d/api   OpenAPI: http://localhost:%1$d/swagger-ui.html
                  queries  (reads):  http://localhost:%2$d/api   OpenAPI: http://localhost:%2$d/swagger-ui.html
                  sign-in (OpenID):  %3$s   (discovery: %3$s/.well-known/openid-configuration)
                  PostgreSQL:        %4$s (user postgres, password postgres)
                  trial accounts (secret = name; portfolio-wide grants recorded on the first start):
                                     admin (program administrator, the bootstrap administrator)
                                     pmo (PMO officer), finance, controller, cfo (finance office: finance controllers)
                                     contracts (contract office: contract manager), auditor (internal audit: auditor)
                                     operator (operator), viewer and secretary (no access until granted)
                  a token:           TOKEN=$(curl -s -u pmo:pmo -d grant_type=client_credentials %3$s/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  try:               curl -H "Authorization: Bearer $TOKEN" http://localhost:%2$d/api/programs
                Press Ctrl-C to stop.
                %n""", COMMAND_PORT, QUERY_PORT, issuerUrl, postgres.jdbcUrl());

        while (services.stream().anyMatch(ServiceProcess::isAlive)) {
            Thread.sleep(500);
        }
    }

    /** The services run in {@code root}, so their signing keys ({@code .ledger/keys}) sit beside the database. */
    private static ServiceProcess start(
            Path jar, Path root, int port, EmbeddedPostgresServer postgres, Path log, Map<String, String> environment)
            throws IOException {
        return ServiceProcess.start(
                jar,
                port,
                postgres.jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                root,
                log,
                environment);
    }

    private static void stop(List<ServiceProcess> services, EmbeddedPostgresServer postgres) {
        services.forEach(ServiceProcess::stop);
        postgres.close();
    }
}
