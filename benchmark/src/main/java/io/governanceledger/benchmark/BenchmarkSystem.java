package io.governanceledger.benchmark;

import static io.governanceledger.benchmark.Scenario.log;

import com.zaxxer.hikari.HikariDataSource;
import io.governanceledger.devtools.identity.Tokens;
import io.governanceledger.devtools.identity.TrialAccess;
import io.governanceledger.devtools.identity.WorkspaceClient;
import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.devtools.process.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The system under test, started fresh for one run: an embedded PostgreSQL (fsync on) holding the
 * ledger's database and two for stock Axon, and both services as separate processes, as in production.
 * Closing it stops the services and the database and deletes the database's files (the logs stay).
 */
final class BenchmarkSystem implements AutoCloseable {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private Path postgresData;
    private DataSource ledger;
    private DataSource stock;
    private DataSource stockLag;
    private ServiceProcess issuer;
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private int queryPort;
    private Api api;

    static BenchmarkSystem start() throws Exception {
        BenchmarkSystem system = new BenchmarkSystem();
        try {
            system.startAll();
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path root =
                Path.of(System.getProperty("ledger.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("ledger-benchmark");
        log("PostgreSQL (embedded, fresh, fsync on) ...");
        postgresData = work.resolve("postgres");
        postgres = EmbeddedPostgresServer.startOrAttach(postgresData, freePort());
        ledger = dataSource("postgres");
        try (Connection connection = ledger.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE stock");
            statement.execute("CREATE DATABASE stock_lag");
        }
        stock = dataSource("stock");
        StockAxon.createSchema(stock);
        stockLag = dataSource("stock_lag");
        StockAxon.createSchema(stockLag);
        int commandPort = freePort();
        int queryPort = freePort();
        int issuerPort = freePort();
        String issuerUrl = "http://localhost:" + issuerPort;
        log("the local issuer, command-service and query-service as separate processes (logs in " + work + ") ...");
        issuer = ServiceProcess.startWithoutDatabase(
                ServiceProcess.jar(root, "local-issuer"),
                issuerPort,
                work,
                work.resolve("local-issuer.log"),
                java.util.List.of("--ledger.issuer.access-token-time-to-live=PT4H"));
        issuer.awaitReady(Duration.ofMinutes(3));
        // warnings only, and the rebuild's report of its phases; tokens of the local issuer
        Map<String, String> quietLogs = Map.of(
                "LOGGING_LEVEL_ROOT", "WARN",
                "LOGGING_LEVEL_IO_GOVERNANCELEDGER_QUERY_REBUILD", "INFO",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuerUrl,
                "LEDGER_ACCESS_BOOTSTRAPADMINISTRATOR", "admin");
        commandService = ServiceProcess.start(
                ServiceProcess.jar(root, "command-service"),
                commandPort,
                postgres.jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                work,
                work.resolve("command-service.log"),
                quietLogs);
        // the query service also takes Basic (the sign-in before tokens, with a bcrypt password it checks once
        // and then remembers), only so scenario 8 can weigh a token against it on the same service
        Map<String, String> queryEnvironment = new java.util.HashMap<>(quietLogs);
        queryEnvironment.put("LEDGER_SECURITY_BASIC_ENABLED", "true");
        queryEnvironment.put(
                "LEDGER_SECURITY_BASIC_USERS_VIEWER_PASSWORD",
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("viewer"));
        // the workspace, for the pages and the live stream of scenario 9
        queryEnvironment.putAll(WorkspaceClient.environment(issuerUrl, "http://localhost:" + commandPort));
        // the benchmark's client is Java's, which sends a Secure cookie over https only (browsers also over loopback)
        queryEnvironment.put("LEDGER_WORKSPACE_SECURE_COOKIE", "false");
        queryService = ServiceProcess.start(
                ServiceProcess.jar(root, "query-service"),
                queryPort,
                postgres.jdbcUrl(),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD,
                work,
                work.resolve("query-service.log"),
                queryEnvironment);
        commandService.awaitReady(Duration.ofMinutes(3));
        queryService.awaitReady(Duration.ofMinutes(3));
        Tokens tokens = new Tokens(issuerUrl);
        // the accounts the scenarios use, granted as in a trial; reads wait until the grants are readable
        String lastGrant = TrialAccess.grant(
                        "http://localhost:" + commandPort,
                        tokens.forAccount("admin"),
                        java.util.stream.Stream.concat(
                                        TrialAccess.PORTFOLIO.stream(),
                                        java.util.stream.Stream.of(
                                                new TrialAccess.Grant("PERSON", "viewer", "VIEWER"),
                                                // the benchmark's own service account registers its programs
                                                new TrialAccess.Grant("PERSON", "benchmark", "PMO_OFFICER")))
                                .toList())
                .orElseThrow();
        api = new Api(commandPort, queryPort, tokens);
        this.queryPort = queryPort;
        api.queryAfter("viewer", "/api/programs", lastGrant);
    }

    /** The workspace's address, on the loopback address the issuer returns people to on any port. */
    String workspace() {
        return "http://127.0.0.1:" + queryPort;
    }

    DataSource ledger() {
        return ledger;
    }

    DataSource stock() {
        return stock;
    }

    DataSource stockLag() {
        return stockLag;
    }

    ServiceProcess commandService() {
        return commandService;
    }

    ServiceProcess queryService() {
        return queryService;
    }

    Api api() {
        return api;
    }

    /** A pooled data source (as the services have: HikariCP, 20 connections) on one database of the server. */
    private HikariDataSource dataSource(String database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1"));
        pool.setUsername(EmbeddedPostgresServer.USER);
        pool.setPassword(EmbeddedPostgresServer.PASSWORD);
        pool.setMaximumPoolSize(20);
        pool.setPoolName("benchmark-" + database);
        pools.add(pool);
        return pool;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (commandService != null) {
            commandService.stop();
        }
        if (queryService != null) {
            queryService.stop();
        }
        if (issuer != null) {
            issuer.stop();
        }
        pools.forEach(HikariDataSource::close);
        if (postgres != null) {
            postgres.close();
            deleteQuietly(postgresData);
        }
    }

    /** The database's files go with the run (the logs stay). */
    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
