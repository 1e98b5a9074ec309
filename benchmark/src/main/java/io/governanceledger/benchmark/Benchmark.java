package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.governanceledger.devtools.postgres.EmbeddedPostgresServer;
import io.governanceledger.devtools.process.ServiceProcess;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The performance suite. It starts a fresh embedded PostgreSQL and both services as separate
 * processes (as in production), runs each scenario with its baselines in the same run, prints a
 * table and writes {@code benchmark-results.json}.
 *
 * <pre>
 * java -jar benchmark/target/benchmark.jar [--quick] [--scenarios=1,2,...] [--out=benchmark-results.json]
 * </pre>
 */
public final class Benchmark {

    private static final int CLIENTS = 16;

    private final Settings settings;
    private final List<Result> results = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private Path postgresData;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private DataSource ledger;
    private DataSource stock;
    private DataSource stockLagDatabase;
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private Api api;

    /** Sizes and durations of one mode. */
    record Settings(String mode, Duration warmUp, Duration commandRun, Duration baselineRun, int longAggregateEvents,
                    int latencySamples, int lagSamples, int stockLagSamples, long smallHistory, long largeHistory,
                    int timeTravelQueries, int timeTravelWarmUp) {

        static Settings quick() {
            return new Settings("quick", Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(5), 1_000, 60,
                                120, 10, 3_000, 12_000, 600, 4_000);
        }

        static Settings full() {
            return new Settings("full", Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(30), 10_000, 300,
                                1_000, 60, 1_000_000, 5_000_000, 3_000, 5_000);
        }

        /** The same settings with another size for the large history (scenarios 4, 5 and 6). */
        Settings withLargeHistory(long events) {
            return new Settings(mode + ", large history " + events, warmUp, commandRun, baselineRun, longAggregateEvents,
                                latencySamples, lagSamples, stockLagSamples, Math.min(smallHistory, events), events,
                                timeTravelQueries, timeTravelWarmUp);
        }
    }

    private final java.util.Set<String> scenarios;

    private Benchmark(Settings settings, java.util.Set<String> scenarios) {
        this.settings = settings;
        this.scenarios = scenarios;
    }

    public static void main(String[] args) throws Exception {
        Api.configureConnections(CLIENTS);
        boolean quick = false;
        Path out = Path.of("benchmark-results.json");
        java.util.Set<String> scenarios = new java.util.TreeSet<>();
        Long history = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--scenarios=")) {
                scenarios.addAll(List.of(arg.substring("--scenarios=".length()).split(",")));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.matches("--history=[1-9][0-9]*")) {
                history = Long.parseLong(arg.substring("--history=".length()));
            } else {
                System.err.println("usage: java -jar benchmark/target/benchmark.jar [--quick] [--scenarios=1,2,...]"
                                           + " [--history=<events in the large history>] [--out=benchmark-results.json]");
                System.exit(2);
            }
        }
        Settings settings = quick ? Settings.quick() : Settings.full();
        Benchmark benchmark = new Benchmark(history == null ? settings : settings.withLargeHistory(history), scenarios);
        Instant started = Instant.now();
        try {
            benchmark.start();
            benchmark.runScenarios();
        } finally {
            benchmark.stop();
        }
        benchmark.run.put("mode", benchmark.settings.mode());
        benchmark.run.put("startedAt", started.toString());
        benchmark.run.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        benchmark.run.put("cores", Runtime.getRuntime().availableProcessors());
        benchmark.run.put("java", System.getProperty("java.version"));
        System.out.println();
        System.out.println("Governance Ledger benchmark (" + benchmark.settings.mode() + ", "
                                   + benchmark.run.get("seconds") + " s, " + benchmark.run.get("cores") + " cores)");
        Table.print(benchmark.results, System.out);
        Table.writeJson(benchmark.results, benchmark.run, out);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private void start() throws Exception {
        Path root = Path.of(System.getProperty("ledger.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("ledger-benchmark");
        log("PostgreSQL (embedded, fresh, fsync on) ...");
        postgresData = work.resolve("postgres");
        postgres = EmbeddedPostgresServer.startOrAttach(postgresData, freePort());
        ledger = dataSource("postgres");
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE stock");
            statement.execute("CREATE DATABASE stock_lag");
        }
        stock = dataSource("stock");
        StockAxon.createSchema(stock);
        stockLagDatabase = dataSource("stock_lag");
        StockAxon.createSchema(stockLagDatabase);
        int commandPort = freePort();
        int queryPort = freePort();
        log("command-service and query-service as separate processes (logs in " + work + ") ...");
        // warnings only, and the rebuild's report of its phases
        Map<String, String> quietLogs = Map.of("LOGGING_LEVEL_ROOT", "WARN", "LOGGING_LEVEL_IO_GOVERNANCELEDGER_QUERY_REBUILD", "INFO");
        commandService = ServiceProcess.start(ServiceProcess.jar(root, "command-service"), commandPort, postgres.jdbcUrl(),
                                              EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, work,
                                              work.resolve("command-service.log"), quietLogs);
        queryService = ServiceProcess.start(ServiceProcess.jar(root, "query-service"), queryPort, postgres.jdbcUrl(),
                                            EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, work,
                                            work.resolve("query-service.log"), quietLogs);
        commandService.awaitReady(Duration.ofMinutes(3));
        queryService.awaitReady(Duration.ofMinutes(3));
        api = new Api(commandPort, queryPort);
    }

    private void runScenarios() throws Exception {
        if (selected("1")) {
            commandsOverHttp();
        }
        if (selected("2")) {
            longLivedAggregate();
        }
        if (selected("3")) {
            projectionLag();
        }
        if (selected("4") || selected("5") || selected("6")) {
            largeHistories();
        }
        memory();
    }

    private boolean selected(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    // ---------------------------------------------------------------- scenario 1

    private void commandsOverHttp() throws Exception {
        log("1. commands over HTTP, " + CLIENTS + " clients, " + settings.commandRun().toSeconds() + " s ...");
        List<Workload> programs = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            programs.add(Workload.program(api, "LOAD-" + client));
        }
        log("   warming up for " + settings.warmUp().toSeconds() + " s (the services just started: JIT, caches, pools) ...");
        runFor(settings.warmUp(), CLIENTS, client -> programs.get(client).next());
        long eventsBefore = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry");
        Latencies latencies = new Latencies();
        long commands = runFor(settings.commandRun(), CLIENTS, client -> {
            long began = System.nanoTime();
            programs.get(client).next();
            latencies.add(System.nanoTime() - began);
        });
        long events = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry") - eventsBefore;
        double seconds = settings.commandRun().toNanos() / 1e9;
        double eventRate = events / seconds;

        log("   baseline: raw JDBC appends of the same rows, " + CLIENTS + " connections ...");
        double rawRate = rawAppends(settings.baselineRun());
        log("   floor: the command service's readiness probe (no work), " + CLIENTS + " clients ...");
        Latencies probeLatencies = new Latencies();
        runFor(settings.warmUp().dividedBy(2), CLIENTS, client -> api.commandProbe("pmo"));
        long probes = runFor(settings.baselineRun(), CLIENTS, client -> {
            long began = System.nanoTime();
            if (api.commandProbe("pmo").status() != 200) {
                throw new IllegalStateException("the command service's readiness probe did not answer 200");
            }
            probeLatencies.add(System.nanoTime() - began);
        });
        double probeRate = probes / (settings.baselineRun().toNanos() / 1e9);
        log("   baseline: stock Axon, " + CLIENTS + " threads ...");
        Latencies stockLatencies = new Latencies();
        double stockRate;
        String body = sampleBody();
        try (StockAxon axon = StockAxon.writer(stock)) {
            runFor(settings.warmUp().dividedBy(2), CLIENTS, client ->
                    axon.commands().sendAndWait(new StockAxon.Create(UUID.randomUUID().toString(), body)));
            long stockCommands = runFor(settings.baselineRun(), CLIENTS, client -> {
                long began = System.nanoTime();
                axon.commands().sendAndWait(new StockAxon.Create(UUID.randomUUID().toString(), body));
                stockLatencies.add(System.nanoTime() - began);
            });
            stockRate = stockCommands / (settings.baselineRun().toNanos() / 1e9);
        }
        results.add(new Result("1 commands over HTTP", "events appended", "events/s", eventRate, "raw JDBC appends", rawRate,
                               true, Double.NaN, 0.5, commands + " commands (" + events + " events) in "
                                       + settings.commandRun().toSeconds() + " s after " + settings.warmUp().toSeconds()
                                       + " s of warm-up; mix: 40% record decision, 20% approve, 30% budget movement,"
                                       + " 10% call-off; client, both services and PostgreSQL share the machine"));
        results.add(new Result("1 commands over HTTP", "commands", "commands/s", commands / seconds,
                               "stock Axon, in process", stockRate, true, Double.NaN, Double.NaN,
                               "stock Axon is called in process (no HTTP, no security, no validation)"));
        results.add(new Result("1 commands over HTTP", "p50 latency", "ms", latencies.millis(50), "stock Axon, in process",
                               stockLatencies.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("1 commands over HTTP", "p99 latency", "ms", latencies.millis(99), "stock Axon, in process",
                               stockLatencies.millis(99), false, 25, Double.NaN, null));
        // what HTTP alone allows on this machine: requests that do nothing, from the same client at the same concurrency
        results.add(new Result("1 commands over HTTP", "HTTP floor: probes answered", "requests/s", probeRate,
                               "raw JDBC appends", rawRate, true, Double.NaN, Double.NaN,
                               "the command service's readiness probe (logged in, no work) from " + CLIENTS
                                       + " clients: the most requests/s HTTP allows here, whatever a command does"));
        results.add(new Result("1 commands over HTTP", "HTTP floor: probe p99 latency", "ms", probeLatencies.millis(99),
                               null, Double.NaN, false, Double.NaN, Double.NaN, null));
    }

    private double rawAppends(Duration duration) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = ledger.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT type, meta_data, payload, payload_revision, payload_type, time_stamp"
                             + " FROM event_store.domain_event_entry ORDER BY global_index DESC LIMIT 2000")) {
            while (row.next()) {
                rows.add(new Object[]{row.getString(1), row.getBytes(2), row.getBytes(3), row.getString(4), row.getString(5),
                                      row.getString(6)});
            }
            statement.execute("CREATE SCHEMA raw_baseline");
            // the event table's own columns, constraints and indexes; not its triggers (those are the ledger's work)
            statement.execute("CREATE TABLE raw_baseline.domain_event_entry"
                                      + " (LIKE event_store.domain_event_entry INCLUDING ALL)");
        }
        AtomicLong appended = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            connections.add(ledger.getConnection());
        }
        try {
            runFor(duration, CLIENTS, client -> {
                Object[] row = rows.get((int) (appended.get() % rows.size()));
                try (PreparedStatement insert = connections.get(client).prepareStatement(
                        "INSERT INTO raw_baseline.domain_event_entry (aggregate_identifier, sequence_number, type,"
                                + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
                    String id = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setString(2, (String) row[0]);
                    insert.setString(3, id);
                    insert.setBytes(4, (byte[]) row[1]);
                    insert.setBytes(5, (byte[]) row[2]);
                    insert.setString(6, (String) row[3]);
                    insert.setString(7, (String) row[4]);
                    insert.setString(8, (String) row[5]);
                    insert.executeUpdate();
                    appended.incrementAndGet();
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
        return appended.get() / (duration.toNanos() / 1e9);
    }

    private String sampleBody() throws SQLException {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                                            + " WHERE payload_type LIKE '%DecisionRecorded%' LIMIT 1")) {
            return row.next() ? row.getString(1) : "x".repeat(1200);
        }
    }

    // ---------------------------------------------------------------- scenario 2

    private void longLivedAggregate() throws Exception {
        int prior = settings.longAggregateEvents();
        log("2. long-lived aggregates: a program's budget and a framework contract at 10 and at " + prior
                    + " prior events ...");
        Workload program = Workload.program(api, "LONG-1");
        for (int i = 0; i < 8; i++) {
            program.allocate("10.00", "2026-01-15");
            program.callOff();
        }
        Latencies early = new Latencies();
        Latencies contractEarly = new Latencies();
        for (int i = 0; i < settings.latencySamples(); i++) {
            long began = System.nanoTime();
            program.allocate("1.00", "2026-02-15");
            early.add(System.nanoTime() - began);
            began = System.nanoTime();
            program.callOff();
            contractEarly.add(System.nanoTime() - began);
        }
        int toAdd = prior - 10 - settings.latencySamples();
        runCount(toAdd, 4, client -> {
            program.allocate("1.00", "2026-03-15");
            program.callOff();
        });
        long history = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE '%LONG-1%'");
        long contractHistory = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
                + program.contractId() + "'");
        Latencies late = new Latencies();
        Latencies contractLate = new Latencies();
        for (int i = 0; i < settings.latencySamples(); i++) {
            long began = System.nanoTime();
            program.allocate("1.00", "2026-04-15");
            late.add(System.nanoTime() - began);
            began = System.nanoTime();
            program.callOff();
            contractLate.add(System.nanoTime() - began);
        }

        Latencies stockEarly = new Latencies();
        Latencies stockLate = new Latencies();
        try (StockAxon axon = StockAxon.writer(stock)) {
            String body = "{\"kind\":\"ALLOCATION\",\"amount\":\"1.00\",\"currency\":\"EUR\"}";
            String shortId = UUID.randomUUID().toString();
            axon.commands().sendAndWait(new StockAxon.Create(shortId, body));
            axon.appendHistory(shortId, 9, body);
            String longId = UUID.randomUUID().toString();
            axon.commands().sendAndWait(new StockAxon.Create(longId, body));
            axon.appendHistory(longId, prior - 1, body);
            int stockSamples = Math.max(5, settings.latencySamples() / 20);
            for (int i = 0; i < stockSamples; i++) {
                long began = System.nanoTime();
                axon.commands().sendAndWait(new StockAxon.Change(shortId, body));
                stockEarly.add(System.nanoTime() - began);
                began = System.nanoTime();
                axon.commands().sendAndWait(new StockAxon.Change(longId, body));
                stockLate.add(System.nanoTime() - began);
            }
        }
        results.add(new Result("2 long-lived aggregate", "budget: p50 at ~10 events", "ms", early.millis(50), "stock Axon",
                               stockEarly.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("2 long-lived aggregate", "budget: p50 at " + history + " events", "ms", late.millis(50), "stock Axon",
                               stockLate.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("2 long-lived aggregate", "budget: p50 ratio long/short", "x", late.millis(50) / early.millis(50),
                               "stock Axon", stockLate.millis(50) / stockEarly.millis(50), false, 1.2, Double.NaN,
                               "one program's budget aggregate; stock: same number of events, no snapshots, no cache"));
        results.add(new Result("2 long-lived aggregate", "contract: p50 at ~10 events", "ms", contractEarly.millis(50),
                               "stock Axon", stockEarly.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("2 long-lived aggregate", "contract: p50 at " + contractHistory + " events", "ms",
                               contractLate.millis(50), "stock Axon", stockLate.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("2 long-lived aggregate", "contract: p50 ratio long/short", "x",
                               contractLate.millis(50) / contractEarly.millis(50), "stock Axon",
                               stockLate.millis(50) / stockEarly.millis(50), false, 1.2, Double.NaN,
                               "call-offs on one framework contract, in turn with the budget's movements; stock as above"));
    }

    // ---------------------------------------------------------------- scenario 3

    private void projectionLag() throws Exception {
        log("3. cross-process projection lag, " + settings.lagSamples() + " samples of each way to read ...");
        Workload program = Workload.program(api, "LAG-1");
        // two ways to see a write, taking turns so that both meet the same conditions: a read that names
        // the command's event and is answered once the read models have it, and a client polling
        Latencies waited = new Latencies();
        Latencies polled = new Latencies();
        for (int i = 0; i < 2 * (settings.lagSamples() + 10); i++) {
            Api.Answer recorded = program.recordDecisionAnswer();
            long accepted = System.nanoTime();
            String decision = "/api/programs/LAG-1/decisions/" + recorded.json().path("id").asText();
            boolean waits = i % 2 == 0;
            if (waits) {
                Api.Answer read = api.queryAfter("viewer", decision, recorded.eventId());
                if (read.status() != 200) {
                    throw new IllegalStateException("GET " + decision + " after event " + recorded.eventId() + " -> "
                                                            + read.status() + ": " + read.body());
                }
            } else {
                while (api.query("viewer", decision).status() != 200) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
            if (i >= 20) {
                (waits ? waited : polled).add(System.nanoTime() - accepted);
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 20_000_000));
        }
        double idle = idleTransactionsPerSecond(Duration.ofSeconds(5));

        log("   baseline: stock Axon tracking processor reading what another process wrote, "
                    + settings.stockLagSamples() + " samples ...");
        Latencies stockLatencies = new Latencies();
        try (StockAxon writer = StockAxon.writer(stockLagDatabase); StockAxon reader = StockAxon.reader(stockLagDatabase)) {
            String sentinel = UUID.randomUUID().toString();
            writer.commands().sendAndWait(new StockAxon.Create(sentinel, "{}"));
            awaitArrival(reader, sentinel, Duration.ofMinutes(2));
            for (int i = 0; i < settings.stockLagSamples(); i++) {
                String id = UUID.randomUUID().toString();
                writer.commands().sendAndWait(new StockAxon.Create(id, "{}"));
                long accepted = System.nanoTime();
                long arrived = awaitArrival(reader, id, Duration.ofSeconds(30));
                stockLatencies.add(Math.max(0, arrived - accepted));
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 200_000_000));
            }
        }
        String stock = "stock tracking processor";
        results.add(new Result("3 projection lag", "read after the event: p50", "ms", waited.millis(50), stock,
                               stockLatencies.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("3 projection lag", "read after the event: p99", "ms", waited.millis(99), stock,
                               stockLatencies.millis(99), false, 50, Double.NaN,
                               "from the command's 2xx to the decision's 200 from a read sent at once with the command's"
                                       + " Ledger-Event-Id as Ledger-Read-After (answered once every read model has"
                                       + " every event up to it); stock: append by one Axon instance to the handler of another's"
                                       + " tracking processor"));
        results.add(new Result("3 projection lag", "polled: p50", "ms", polled.millis(50), stock,
                               stockLatencies.millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("3 projection lag", "polled: p99", "ms", polled.millis(99), stock,
                               stockLatencies.millis(99), false, 50, Double.NaN,
                               "from the command's 2xx to the decision answering 200 to a client polling every 1 ms"));
        results.add(new Result("3 projection lag", "database transactions when idle", "per s", idle, null, Double.NaN,
                               false, Double.NaN, Double.NaN, "both services running, no requests, 5 s"));
    }

    private static long awaitArrival(StockAxon reader, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long arrived;
        while ((arrived = reader.arrival(id)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stock tracking processor did not see " + id + " in " + timeout);
            }
            LockSupport.parkNanos(100_000);
        }
        return arrived;
    }

    private double idleTransactionsPerSecond(Duration window) throws Exception {
        Thread.sleep(1000);
        long before = count(ledger, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'");
        Thread.sleep(window.toMillis());
        long after = count(ledger, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'");
        // the two statistics queries are transactions too
        return Math.max(0, after - before - 1) / (window.toNanos() / 1e9);
    }

    // ---------------------------------------------------------------- scenarios 4, 5, 6

    private void largeHistories() throws Exception {
        log("4-6. histories of " + settings.smallHistory() + " and " + settings.largeHistory() + " events ...");
        Workload template = Workload.program(api, "TEMPLATE");
        for (int i = 0; i < 60; i++) {
            template.next();
        }
        awaitProjections(Duration.ofMinutes(5));
        History history = History.of(ledger, "TEMPLATE");
        int copies = 0;
        long total = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry");
        long size1 = total;
        TimeTravel small = null;
        if (selected("5")) {
            long appended = history.append(ledger, Math.max(0, settings.smallHistory() - total), copies);
            copies += (int) Math.ceil((double) appended / history.eventsPerProgram());
            size1 = awaitProjections(Duration.ofHours(2));
            small = timeTravel(size1, settings.timeTravelWarmUp());
        }
        history.append(ledger, Math.max(0, settings.largeHistory() - size1), copies);
        long size2 = awaitProjections(Duration.ofHours(10));
        if (selected("5")) {
            // the reads' code is warm by now: a few hundred reads only find the larger history's pages
            timeTravelResults(small, size1, timeTravel(size2, 300), size2);
        }
        // the baseline's best of three passes (warm), so that the floor is not flattered by a cold start
        double rawRate = 0;
        for (int pass = 0; (selected("4") || selected("6")) && pass < 3; pass++) {
            rawRate = Math.max(rawRate, rawReadAndParse());
        }
        if (selected("4")) {
            rebuild(size2, rawRate);
        }
        if (selected("6")) {
            verification(size2, rawRate);
        }
    }

    private void timeTravelResults(TimeTravel small, long size1, TimeTravel large, long size2) {
        String floor = "HTTP floor (readiness probe)";
        results.add(new Result("5 time travel", "p50 at " + size1 + " events", "ms", small.latencies().millis(50), floor,
                               small.floor().millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("5 time travel", "p99 at " + size1 + " events", "ms", small.latencies().millis(99), floor,
                               small.floor().millis(99), false, 10, Double.NaN, small.breakdown()));
        results.add(new Result("5 time travel", "p50 at " + size2 + " events", "ms", large.latencies().millis(50), floor,
                               large.floor().millis(50), false, Double.NaN, Double.NaN, null));
        results.add(new Result("5 time travel", "p99 at " + size2 + " events", "ms", large.latencies().millis(99), floor,
                               large.floor().millis(99), false, 10, Double.NaN,
                               "decision register, budget and one decision, each with a random asOf and knownAt; "
                                       + large.breakdown()));
        results.add(new Result("5 time travel", "p99 ratio large/small", "x",
                               large.latencies().millis(99) / small.latencies().millis(99), null, Double.NaN, false, 1.5,
                               Double.NaN, null));
    }

    private record TimeTravel(Latencies latencies, Latencies register, Latencies budget, Latencies decision,
                              Latencies floor) {

        String breakdown() {
            return String.format(java.util.Locale.ROOT, "p50/p99 ms: register %.1f/%.1f, budget %.1f/%.1f, decision %.1f/%.1f",
                                 register.millis(50), register.millis(99), budget.millis(50), budget.millis(99),
                                 decision.millis(50), decision.millis(99));
        }
    }

    /** Random point-in-time reads over programs of the large history: register, budget, one decision. */
    private TimeTravel timeTravel(long size, int warmUp) throws Exception {
        List<String> programs = new ArrayList<>();
        List<String[]> decisions = new ArrayList<>();
        Instant first;
        Instant last;
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT min(recorded_at), max(recorded_at) FROM event_store.ledger_entry")) {
                row.next();
                first = row.getTimestamp(1).toInstant();
                last = row.getTimestamp(2).toInstant();
            }
            try (ResultSet row = statement.executeQuery(
                    "SELECT aggregate_identifier, convert_from(meta_data, 'UTF8')::jsonb ->> 'programId'"
                            + " FROM event_store.domain_event_entry WHERE payload_type LIKE '%DecisionRecorded%'"
                            + " ORDER BY random() LIMIT 500")) {
                while (row.next()) {
                    decisions.add(new String[]{row.getString(2), row.getString(1)});
                    programs.add(row.getString(2));
                }
            }
        }
        Latencies latencies = new Latencies();
        Latencies[] byKind = {new Latencies(), new Latencies(), new Latencies()};
        long span = Math.max(1, Duration.between(first, last).toMillis());
        // unmeasured reads first: the JIT compiles the reads' code over the first few thousand (a method is
        // compiled fully after thousands of calls), and a service that answers all day runs it compiled
        for (int i = 0; i < settings.timeTravelQueries() + warmUp; i++) {
            String[] decision = decisions.get(ThreadLocalRandom.current().nextInt(decisions.size()));
            Instant knownAt = first.plusMillis(ThreadLocalRandom.current().nextLong(span));
            String asOf = "2026-0" + (1 + ThreadLocalRandom.current().nextInt(9)) + "-1" + ThreadLocalRandom.current().nextInt(10);
            String path = switch (i % 3) {
                case 0 -> "/api/programs/" + decision[0] + "/decisions?asOf=" + asOf + "&knownAt=" + knownAt;
                case 1 -> "/api/programs/" + decision[0] + "/budget?asOf=" + asOf + "&knownAt=" + knownAt;
                default -> "/api/programs/" + decision[0] + "/decisions/" + decision[1] + "?asOf=" + asOf;
            };
            long began = System.nanoTime();
            Api.Answer answer = api.query("auditor", path);
            long took = System.nanoTime() - began;
            if (answer.status() != 200 && answer.status() != 404) {
                throw new IllegalStateException("GET " + path + " -> " + answer.status() + ": " + answer.body());
            }
            if (i >= warmUp) {
                latencies.add(took);
                byKind[i % 3].add(took);
            }
        }
        // the floor: the same client and service answering its readiness probe, which does no work
        Latencies floor = new Latencies();
        for (int i = 0; i < settings.timeTravelQueries() + warmUp; i++) {
            long began = System.nanoTime();
            api.query("auditor", "/actuator/health/readiness");
            if (i >= warmUp) {
                floor.add(System.nanoTime() - began);
            }
        }
        return new TimeTravel(latencies, byKind[0], byKind[1], byKind[2], floor);
    }

    /** Baseline (b) for reading: the same rows read with plain JDBC and their JSON parsed with Jackson. */
    private double rawReadAndParse() throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = ledger.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT l.position, l.hash, e.* FROM event_store.ledger_entry l JOIN event_store.domain_event_entry e"
                            + " ON e.global_index = l.global_index ORDER BY l.position")) {
                statement.setFetchSize(2000);
                // the driver's fastest read (bytea as bytes, not hex), as the verifier uses
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        JsonNode payload = Api.JSON.readTree(row.getBytes("payload"));
                        JsonNode metaData = Api.JSON.readTree(row.getBytes("meta_data"));
                        if (payload.isMissingNode() || metaData.isMissingNode()) {
                            throw new IllegalStateException("empty event at " + row.getLong("position"));
                        }
                        rows++;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private void rebuild(long size, double rawRate) throws Exception {
        log("4. full rebuild of every read model from " + size + " events ...");
        long started = System.nanoTime();
        Api.Answer answer = api.postQuery("operator", "/api/admin/read-models/all/rebuild");
        if (answer.status() != 202) {
            throw new IllegalStateException("rebuild -> " + answer.status() + ": " + answer.body());
        }
        while (true) {
            JsonNode progress = api.query("operator", "/api/admin/read-models/all/rebuild").json();
            String state = progress.path("state").asText();
            if (state.equals("SWAPPED")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("rebuild failed: " + progress.path("failure").asText());
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        results.add(new Result("4 full rebuild", "events replayed into all 5 read models", "events/s", size / seconds,
                               "raw JDBC read + Jackson parse", rawRate, true, 100_000, 0.5,
                               size + " events, the 5 read models rebuilt in one pass and swapped in "
                                       + String.format("%.1f", seconds) + " s (start to swap, as seen over HTTP)"));
        rowFloor(size, rawRate);
    }

    /**
     * The floor of a rebuild in PostgreSQL alone: the rows the rebuild just wrote, copied inside the
     * database by the statements the rebuild runs on its copies (unlogged, with only the unique indexes
     * and those of open versions while rows go in; then logged, the other indexes built, vacuumed and
     * analysed), on two connections as the rebuild's two writers. No Java, no JSON parsing, no reads of
     * the ledger: whatever the projections do, a rebuild of these read models cannot go faster than this here.
     */
    private void rowFloor(long size, double rawRate) throws Exception {
        log("   floor: the rebuilt read models' rows copied inside PostgreSQL ...");
        List<String> tables = new ArrayList<>();
        long rows = 0;
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'projections'"
                            + " AND relname NOT IN ('flyway_schema_history', 'token_entry') ORDER BY n_live_tup DESC")) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
            for (String table : tables) {
                rows += count(ledger, "SELECT count(*) FROM projections." + table);
            }
            statement.execute("DROP SCHEMA IF EXISTS floor_copy CASCADE");
            statement.execute("CREATE SCHEMA floor_copy");
        }
        // largest tables first, taken by whichever connection is free
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables);
        long started = System.nanoTime();
        runCount(2, 2, lane -> {
            try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
                for (String table = queue.poll(); table != null; table = queue.poll()) {
                    List<String> keptIndexes = new ArrayList<>();
                    List<String> laterIndexes = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'projections' AND tablename = '" + table + "'")) {
                        while (row.next()) {
                            String index = row.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON projections\\.",
                                                                          "CREATE $1INDEX ON floor_copy.");
                            // kept while rows go in, as ReadModelSchema.prepareBulkLoad keeps them
                            boolean kept = index.startsWith("CREATE UNIQUE") || index.contains("WHERE (known_until_position IS NULL)");
                            (kept ? keptIndexes : laterIndexes).add(index);
                        }
                    }
                    statement.execute("CREATE UNLOGGED TABLE floor_copy." + table + " (LIKE projections." + table
                                              + " INCLUDING DEFAULTS)");
                    for (String index : keptIndexes) {
                        statement.execute(index);
                    }
                    statement.execute("INSERT INTO floor_copy." + table + " SELECT * FROM projections." + table);
                    statement.execute("ALTER TABLE floor_copy." + table + " SET LOGGED");
                    for (String index : laterIndexes) {
                        statement.execute(index);
                    }
                    statement.execute("VACUUM (ANALYZE) floor_copy." + table);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA floor_copy CASCADE");
        }
        results.add(new Result("4 full rebuild", "PostgreSQL floor: the rebuilt rows copied in the database", "events/s",
                               size / seconds, "raw JDBC read + Jackson parse", rawRate, true, Double.NaN, Double.NaN,
                               String.format(java.util.Locale.ROOT, "%d rows (%.1f per event) of %d tables copied in %.1f s"
                                                     + " by INSERT ... SELECT on 2 connections into unlogged copies,"
                                                     + " then logged, indexed, vacuumed and analysed as the rebuild does:"
                                                     + " PostgreSQL's own work for these read models, with no Java and no"
                                                     + " JSON parsing",
                                             rows, (double) rows / size, tables.size(), seconds)));
    }

    private void verification(long size, double rawRate) {
        log("6. chain verification of " + size + " events ...");
        // a first pass for the JIT, then the best of five, as the raw baseline is the best of three
        api.query("auditor", "/api/ledger/verification");
        JsonNode report = null;
        double rate = 0;
        for (int pass = 0; pass < 5; pass++) {
            JsonNode next = api.query("auditor", "/api/ledger/verification").json();
            if (!next.path("failure").isMissingNode() && !next.path("failure").isNull()) {
                throw new IllegalStateException("verification failed: " + next);
            }
            double nextRate = next.path("eventsChecked").asDouble() / Math.max(1, next.path("millis").asDouble()) * 1000;
            if (nextRate > rate) {
                rate = nextRate;
                report = next;
            }
        }
        results.add(new Result("6 chain verification", "events verified (best of 5 warm passes)", "events/s", rate,
                               "raw JDBC read + Jackson parse",
                               rawRate, true, 200_000, Double.NaN,
                               report.path("status").asText() + " up to " + report.path("verifiedUpTo").asLong() + " in "
                                       + report.path("millis").asLong() + " ms"));
    }

    /**
     * Waits until the ledger has sealed every event and every read model has taken it in, as the query
     * service's own health report tells (committed position of each processor against the ledger head);
     * returns the head.
     */
    private long awaitProjections(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        long events = count(ledger, "SELECT count(*) FROM event_store.domain_event_entry");
        while (System.nanoTime() < deadline) {
            JsonNode processors = api.query("auditor", "/actuator/health").json()
                                     .path("components").path("projections").path("details");
            long head = Long.MAX_VALUE;
            boolean caughtUp = processors.size() > 0;
            for (JsonNode processor : processors) {
                head = Math.min(head, processor.path("storeHead").asLong());
                caughtUp &= processor.path("behind").asLong() == 0;
            }
            if (caughtUp && head >= events) {
                log(String.format("   %d events sealed and projected (waited %.1f s)", head,
                                  (System.nanoTime() - started) / 1e9));
                return head;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("read models did not catch up within " + timeout);
    }

    // ---------------------------------------------------------------- scenario 7

    private void memory() {
        commandService.peakRss().ifPresent(rss -> results.add(new Result("7 memory", "command-service peak RSS", "MB",
                                                                         rss / 1048576.0, null, Double.NaN, false, 512,
                                                                         Double.NaN, "VmHWM over the whole run")));
        queryService.peakRss().ifPresent(rss -> results.add(new Result("7 memory", "query-service peak RSS", "MB",
                                                                       rss / 1048576.0, null, Double.NaN, false, 512,
                                                                       Double.NaN, "VmHWM over the whole run")));
    }

    // ---------------------------------------------------------------- plumbing

    private interface Step {
        void run(int client) throws Exception;
    }

    /** Runs {@code step} on {@code threads} threads for {@code duration}; returns how many steps completed. */
    private static long runFor(Duration duration, int threads, Step step) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int client = 0; client < threads; client++) {
            int id = client;
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    step.run(id);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return done.get();
    }

    /** Runs {@code step} {@code count} times in total on {@code threads} threads. */
    private static void runCount(long count, int threads, Step step) throws Exception {
        AtomicLong left = new AtomicLong(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int client = 0; client < threads; client++) {
            int id = client;
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    step.run(id);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
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

    private void stop() {
        if (commandService != null) {
            commandService.stop();
        }
        if (queryService != null) {
            queryService.stop();
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
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }

    private static void log(String message) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
