package io.governanceledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1, commands over HTTP against raw JDBC appends and stock Axon in process, with the HTTP floor;
 * scenario 2, commands on long-lived aggregates against short-lived ones.
 */
final class CommandScenarios extends Scenario {

    CommandScenarios(Scenario.Context context) {
        super(context);
    }

    void commandsOverHttp() throws Exception {
        log("1. commands over HTTP, " + CLIENTS + " clients, "
                + settings.commandRun().toSeconds() + " s ...");
        List<Workload> programs = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            programs.add(Workload.program(api, "LOAD-" + client));
        }
        log("   warming up for " + settings.warmUp().toSeconds()
                + " s (the services just started: JIT, caches, pools) ...");
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
            runFor(
                    settings.warmUp().dividedBy(2),
                    CLIENTS,
                    client -> axon.commands()
                            .sendAndWait(new StockAxon.Create(UUID.randomUUID().toString(), body)));
            long stockCommands = runFor(settings.baselineRun(), CLIENTS, client -> {
                long began = System.nanoTime();
                axon.commands()
                        .sendAndWait(new StockAxon.Create(UUID.randomUUID().toString(), body));
                stockLatencies.add(System.nanoTime() - began);
            });
            stockRate = stockCommands / (settings.baselineRun().toNanos() / 1e9);
        }
        results.add(new Result(
                "1 commands over HTTP",
                "events appended",
                "events/s",
                eventRate,
                "raw JDBC appends",
                rawRate,
                true,
                Double.NaN,
                0.5,
                commands + " commands (" + events + " events) in "
                        + settings.commandRun().toSeconds() + " s after "
                        + settings.warmUp().toSeconds()
                        + " s of warm-up; mix: 40% record decision, 20% approve, 30% budget movement,"
                        + " 10% call-off; client, both services and PostgreSQL share the machine"));
        results.add(new Result(
                "1 commands over HTTP",
                "commands",
                "commands/s",
                commands / seconds,
                "stock Axon, in process",
                stockRate,
                true,
                Double.NaN,
                Double.NaN,
                "stock Axon is called in process (no HTTP, no security, no validation)"));
        results.add(new Result(
                "1 commands over HTTP",
                "p50 latency",
                "ms",
                latencies.millis(50),
                "stock Axon, in process",
                stockLatencies.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "1 commands over HTTP",
                "p99 latency",
                "ms",
                latencies.millis(99),
                "stock Axon, in process",
                stockLatencies.millis(99),
                false,
                25,
                Double.NaN,
                null));
        // what HTTP alone allows on this machine: requests that do nothing, from the same client at the same
        // concurrency
        results.add(new Result(
                "1 commands over HTTP",
                "HTTP floor: probes answered",
                "requests/s",
                probeRate,
                "raw JDBC appends",
                rawRate,
                true,
                Double.NaN,
                Double.NaN,
                "the command service's readiness probe (logged in, no work) from " + CLIENTS
                        + " clients: the most requests/s HTTP allows here, whatever a command does"));
        results.add(new Result(
                "1 commands over HTTP",
                "HTTP floor: probe p99 latency",
                "ms",
                probeLatencies.millis(99),
                null,
                Double.NaN,
                false,
                Double.NaN,
                Double.NaN,
                null));
    }

    private double rawAppends(Duration duration) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = ledger.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT type, meta_data, payload, payload_revision, payload_type, time_stamp"
                                + " FROM event_store.domain_event_entry ORDER BY global_index DESC LIMIT 2000")) {
            while (row.next()) {
                rows.add(new Object[] {
                    row.getString(1),
                    row.getBytes(2),
                    row.getBytes(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6)
                });
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
                try (PreparedStatement insert = connections
                        .get(client)
                        .prepareStatement(
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
        try (Connection connection = ledger.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE payload_type LIKE '%DecisionRecorded%' LIMIT 1")) {
            return row.next() ? row.getString(1) : "x".repeat(1200);
        }
    }

    // ---------------------------------------------------------------- scenario 2

    void longLivedAggregate() throws Exception {
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
        long history = count(
                ledger,
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE '%LONG-1%'");
        long contractHistory = count(
                ledger,
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = '"
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
        results.add(new Result(
                "2 long-lived aggregate",
                "budget: p50 at ~10 events",
                "ms",
                early.millis(50),
                "stock Axon",
                stockEarly.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "2 long-lived aggregate",
                "budget: p50 at " + history + " events",
                "ms",
                late.millis(50),
                "stock Axon",
                stockLate.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "2 long-lived aggregate",
                "budget: p50 ratio long/short",
                "x",
                late.millis(50) / early.millis(50),
                "stock Axon",
                stockLate.millis(50) / stockEarly.millis(50),
                false,
                1.2,
                Double.NaN,
                "one program's budget aggregate; stock: same number of events, no snapshots, no cache"));
        results.add(new Result(
                "2 long-lived aggregate",
                "contract: p50 at ~10 events",
                "ms",
                contractEarly.millis(50),
                "stock Axon",
                stockEarly.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "2 long-lived aggregate",
                "contract: p50 at " + contractHistory + " events",
                "ms",
                contractLate.millis(50),
                "stock Axon",
                stockLate.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "2 long-lived aggregate",
                "contract: p50 ratio long/short",
                "x",
                contractLate.millis(50) / contractEarly.millis(50),
                "stock Axon",
                stockLate.millis(50) / stockEarly.millis(50),
                false,
                1.2,
                Double.NaN,
                "call-offs on one framework contract, in turn with the budget's movements; stock as above"));
    }
}
