package io.governanceledger.system;

import io.governanceledger.command.CommandServiceApplication;
import io.governanceledger.devtools.identity.TrialAccess;
import io.governanceledger.devtools.identity.WorkspaceClient;
import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.ledger.LedgerSealer;
import io.governanceledger.query.QueryServiceApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Both services, started as they are in production (their own Spring contexts, real HTTP ports),
 * against one real embedded PostgreSQL. One PostgreSQL server serves the whole test JVM; each system
 * has its own database, so a test that restarts or multiplies services does not disturb the others.
 */
public final class LedgerSystem implements AutoCloseable {

    private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.startFresh();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AtomicInteger NODES = new AtomicInteger();
    private static LedgerSystem shared;
    private Service commands;
    private Service queries;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(POSTGRES::close));
    }

    /** The administrator every test system is installed with. */
    public static final String BOOTSTRAP_ADMINISTRATOR = "admin";

    /** The trial's portfolio-wide grants, and the viewer's, whom most tests read as. */
    static final List<TrialAccess.Grant> TRIAL_GRANTS = java.util.stream.Stream.concat(
                    TrialAccess.PORTFOLIO.stream(),
                    java.util.stream.Stream.of(new TrialAccess.Grant("PERSON", "viewer", "VIEWER")))
            .toList();

    private boolean trialAccessGranted;
    private Service firstCommandService;
    private boolean trialAccess = true;
    private int queryServices;
    private final String jdbcUrl;
    private final JdbcClient jdbc;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    private LedgerSystem(String database) {
        this.jdbcUrl = newDatabase(database);
        this.jdbc = JdbcClient.create(dataSource(jdbcUrl));
    }

    /** Creates an empty database on the test PostgreSQL server and returns its JDBC URL. */
    public static String newDatabase(String database) {
        return POSTGRES.newDatabase(database);
    }

    public static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    /** The system most tests share: one command service and one query service, started once. */
    public static synchronized LedgerSystem shared() {
        if (shared == null) {
            shared = new LedgerSystem("ledger_shared");
            shared.commands = shared.startCommandService();
            shared.queries = shared.startQueryService();
        }
        return shared;
    }

    /** The HTTP API of the shared system's command service. */
    public Http startedCommands() {
        return commands.http();
    }

    /** The HTTP API of the shared system's query service. */
    public Http startedQueries() {
        return queries.http();
    }

    public ConfigurableApplicationContext commandContext() {
        return commands.context();
    }

    public ConfigurableApplicationContext queryContext() {
        return queries.context();
    }

    /** A system of its own, with nothing started: for tests that stop, restart or multiply services. */
    public static LedgerSystem isolated() {
        return new LedgerSystem("ledger_" + DATABASES.incrementAndGet());
    }

    /**
     * Starts a command service; the first one of a system records the trial grants (the test accounts'
     * portfolio-wide roles, the viewer's included) as the bootstrap administrator.
     */
    public Service startCommandService(String... extraArguments) {
        Service service =
                start(CommandServiceApplication.application(), "command-" + NODES.incrementAndGet(), extraArguments);
        if (firstCommandService == null) {
            firstCommandService = service;
        }
        if (trialAccess && !trialAccessGranted) {
            TrialAccess.grant(
                    service.http().baseUrl(), TestIssuer.get().tokenFor(BOOTSTRAP_ADMINISTRATOR), TRIAL_GRANTS);
            trialAccessGranted = true;
            if (!service.context().getEnvironment().getProperty("ledger.sealer.enabled", Boolean.class, true)) {
                // a test that seals by hand starts from a ledger order holding the trial grants
                try {
                    service.context().getBean(LedgerSealer.class).sealAvailable();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        awaitGrantsReadable();
        return service;
    }

    public Service startQueryService(String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        if (trialAccess && firstCommandService != null) {
            // the workspace, signing in at the test issuer and relaying writes to this system's command service
            arguments.addAll(WorkspaceClient.arguments(
                    TestIssuer.get().url(), firstCommandService.http().baseUrl()));
        }
        arguments.addAll(List.of(extraArguments));
        Service service = start(
                QueryServiceApplication.application(),
                "query-" + NODES.incrementAndGet(),
                arguments.toArray(String[]::new));
        queryServices++;
        awaitGrantsReadable();
        return service;
    }

    /** For a system signed in through another provider: no trial grants, no test issuer. */
    public LedgerSystem withoutTrialAccess() {
        this.trialAccess = false;
        return this;
    }

    /** Reads are checked against the query side's own copy of the grants: wait until it holds the trial grants. */
    private void awaitGrantsReadable() {
        if (trialAccessGranted && queryServices > 0) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("SELECT count(*) FROM projections.access_grant")
                                    .query(Long.class)
                                    .single()
                            >= TRIAL_GRANTS.size());
        }
    }

    private Service start(SpringApplicationBuilder application, String nodeId, String... extraArguments) {
        // as command-line arguments, so they win over the services' own configuration files
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--spring.main.banner-mode=off",
                "--ledger.node-id=" + nodeId));
        if (trialAccess) {
            arguments.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri="
                    + TestIssuer.get().url());
            arguments.add("--ledger.access.bootstrap-administrator=" + BOOTSTRAP_ADMINISTRATOR);
        }
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        running.add(context);
        return new Service(context, nodeId);
    }

    /** Stops one service as a shutdown would: its processors release their segments. */
    public void stop(Service service) {
        service.context().close();
        running.remove(service.context());
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The JDBC address of this system's database, for tools that connect on their own. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Rows of the event store. */
    public long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM event_store.domain_event_entry")
                .query(Long.class)
                .single();
    }

    @Override
    public void close() {
        new ArrayList<>(running).forEach(context -> {
            context.close();
            running.remove(context);
        });
    }

    /** A running service and an HTTP client for it. */
    public record Service(ConfigurableApplicationContext context, String nodeId) {

        public Http http() {
            return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        }
    }
}
