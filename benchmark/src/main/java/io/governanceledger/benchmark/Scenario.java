package io.governanceledger.benchmark;

import io.governanceledger.devtools.process.ServiceProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What every scenario works with: the system under test (the services, their API, the ledger's
 * database and the stock Axon databases), the run's settings, the table it adds its results to, and
 * the load helpers.
 */
abstract class Scenario {

    static final int CLIENTS = 16;

    /** One run: the system started, its settings, the scenarios asked for and the results so far. */
    record Context(BenchmarkSystem system, Settings settings, Set<String> scenarios, List<Result> results) {}

    protected final Settings settings;
    protected final List<Result> results;
    protected final DataSource ledger;
    protected final DataSource stock;
    protected final DataSource stockLagDatabase;
    protected final ServiceProcess commandService;
    protected final ServiceProcess queryService;
    protected final Api api;
    private final Set<String> scenarios;
    protected final BenchmarkSystem system;

    Scenario(Context context) {
        BenchmarkSystem system = context.system();
        this.system = system;
        this.settings = context.settings();
        this.results = context.results();
        this.scenarios = context.scenarios();
        this.ledger = system.ledger();
        this.stock = system.stock();
        this.stockLagDatabase = system.stockLag();
        this.commandService = system.commandService();
        this.queryService = system.queryService();
        this.api = system.api();
    }

    boolean selected(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    interface Step {
        void run(int client) throws Exception;
    }

    /** Runs {@code step} on {@code threads} threads for {@code duration}; returns how many steps completed. */
    static long runFor(Duration duration, int threads, Step step) throws Exception {
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
    static void runCount(long count, int threads, Step step) throws Exception {
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

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static void log(String message) {
        System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    /** Random decisions of the recorded history (program, decision) and the span of its recording times. */
    record Sample(java.time.Instant first, java.time.Instant last, List<String[]> decisions) {}

    Sample sample() throws java.sql.SQLException {
        List<String[]> decisions = new ArrayList<>();
        try (java.sql.Connection connection = ledger.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            java.time.Instant first;
            java.time.Instant last;
            try (java.sql.ResultSet row =
                    statement.executeQuery("SELECT min(recorded_at), max(recorded_at) FROM event_store.ledger_entry")) {
                row.next();
                first = row.getTimestamp(1).toInstant();
                last = row.getTimestamp(2).toInstant();
            }
            try (java.sql.ResultSet row = statement.executeQuery(
                    "SELECT aggregate_identifier, convert_from(meta_data, 'UTF8')::jsonb ->> 'programId'"
                            + " FROM event_store.domain_event_entry WHERE payload_type LIKE '%DecisionRecorded%'"
                            + " ORDER BY random() LIMIT 500")) {
                while (row.next()) {
                    decisions.add(new String[] {row.getString(2), row.getString(1)});
                }
            }
            return new Sample(first, last, decisions);
        }
    }
}
