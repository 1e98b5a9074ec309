package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scenarios 4, 5 and 6 over a small and a large recorded history: a full rebuild of every read model
 * (with the PostgreSQL floor of copying its rows), time travel at both sizes, and verification of the
 * hash chain, each against raw JDBC reading and parsing the same events.
 */
final class HistoryScenarios extends Scenario {

    private final Scenario.Context context;

    HistoryScenarios(Scenario.Context context) {
        super(context);
        this.context = context;
    }

    void largeHistories() throws Exception {
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
        if (selected("9")) {
            new WorkspaceScenario(context).pagesAndLiveUpdates(size2);
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
        results.add(new Result(
                "5 time travel",
                "p50 at " + size1 + " events",
                "ms",
                small.latencies().millis(50),
                floor,
                small.floor().millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "5 time travel",
                "p99 at " + size1 + " events",
                "ms",
                small.latencies().millis(99),
                floor,
                small.floor().millis(99),
                false,
                10,
                Double.NaN,
                small.breakdown()));
        results.add(new Result(
                "5 time travel",
                "p50 at " + size2 + " events",
                "ms",
                large.latencies().millis(50),
                floor,
                large.floor().millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "5 time travel",
                "p99 at " + size2 + " events",
                "ms",
                large.latencies().millis(99),
                floor,
                large.floor().millis(99),
                false,
                10,
                Double.NaN,
                "decision register, budget and one decision, each with a random asOf and knownAt; "
                        + large.breakdown()));
        results.add(new Result(
                "5 time travel",
                "p99 ratio large/small",
                "x",
                large.latencies().millis(99) / small.latencies().millis(99),
                null,
                Double.NaN,
                false,
                1.5,
                Double.NaN,
                null));
    }

    private record TimeTravel(
            Latencies latencies, Latencies register, Latencies budget, Latencies decision, Latencies floor) {

        String breakdown() {
            return String.format(
                    java.util.Locale.ROOT,
                    "p50/p99 ms: register %.1f/%.1f, budget %.1f/%.1f, decision %.1f/%.1f",
                    register.millis(50),
                    register.millis(99),
                    budget.millis(50),
                    budget.millis(99),
                    decision.millis(50),
                    decision.millis(99));
        }
    }

    /** Random point-in-time reads over programs of the large history: register, budget, one decision. */
    private TimeTravel timeTravel(long size, int warmUp) throws Exception {
        Sample sample = sample();
        List<String[]> decisions = sample.decisions();
        Instant first = sample.first();
        Instant last = sample.last();
        Latencies latencies = new Latencies();
        Latencies[] byKind = {new Latencies(), new Latencies(), new Latencies()};
        long span = Math.max(1, Duration.between(first, last).toMillis());
        // unmeasured reads first: the JIT compiles the reads' code over the first few thousand (a method is
        // compiled fully after thousands of calls), and a service that answers all day runs it compiled
        for (int i = 0; i < settings.timeTravelQueries() + warmUp; i++) {
            String[] decision = decisions.get(ThreadLocalRandom.current().nextInt(decisions.size()));
            Instant knownAt = first.plusMillis(ThreadLocalRandom.current().nextLong(span));
            String asOf = "2026-0" + (1 + ThreadLocalRandom.current().nextInt(9)) + "-1"
                    + ThreadLocalRandom.current().nextInt(10);
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
            JsonNode progress =
                    api.query("operator", "/api/admin/read-models/all/rebuild").json();
            String state = progress.path("state").asText();
            if (state.equals("SWAPPED")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException(
                        "rebuild failed: " + progress.path("failure").asText());
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        results.add(new Result(
                "4 full rebuild",
                "events replayed into all read models",
                "events/s",
                size / seconds,
                "raw JDBC read + Jackson parse",
                rawRate,
                true,
                100_000,
                0.5,
                size
                        + " events, the 7 read models (programs, decisions, budget, contracts, audit, access, changes) rebuilt in one"
                        + " pass and swapped in " + String.format("%.1f", seconds)
                        + " s (start to swap, as seen over HTTP)"));
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
        try (Connection connection = ledger.getConnection();
                Statement statement = connection.createStatement()) {
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
            try (Connection connection = ledger.getConnection();
                    Statement statement = connection.createStatement()) {
                for (String table = queue.poll(); table != null; table = queue.poll()) {
                    List<String> keptIndexes = new ArrayList<>();
                    List<String> laterIndexes = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'projections' AND tablename = '" + table
                                    + "'")) {
                        while (row.next()) {
                            String index = row.getString(1)
                                    .replaceFirst(
                                            "^CREATE (UNIQUE )?INDEX \\S+ ON projections\\.",
                                            "CREATE $1INDEX ON floor_copy.");
                            // kept while rows go in, as ReadModelSchema.prepareBulkLoad keeps them
                            boolean kept = index.startsWith("CREATE UNIQUE")
                                    || index.contains("WHERE (known_until_position IS NULL)");
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
        try (Connection connection = ledger.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA floor_copy CASCADE");
        }
        results.add(new Result(
                "4 full rebuild",
                "PostgreSQL floor: the rebuilt rows copied in the database",
                "events/s",
                size / seconds,
                "raw JDBC read + Jackson parse",
                rawRate,
                true,
                Double.NaN,
                Double.NaN,
                String.format(
                        java.util.Locale.ROOT,
                        "%d rows (%.1f per event) of %d tables copied in %.1f s"
                                + " by INSERT ... SELECT on 2 connections into unlogged copies,"
                                + " then logged, indexed, vacuumed and analysed as the rebuild does:"
                                + " PostgreSQL's own work for these read models, with no Java and no"
                                + " JSON parsing",
                        rows,
                        (double) rows / size,
                        tables.size(),
                        seconds)));
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
            double nextRate = next.path("eventsChecked").asDouble()
                    / Math.max(1, next.path("millis").asDouble())
                    * 1000;
            if (nextRate > rate) {
                rate = nextRate;
                report = next;
            }
        }
        results.add(new Result(
                "6 chain verification",
                "events verified (best of 5 warm passes)",
                "events/s",
                rate,
                "raw JDBC read + Jackson parse",
                rawRate,
                true,
                200_000,
                Double.NaN,
                report.path("status").asText() + " up to "
                        + report.path("verifiedUpTo").asLong() + " in "
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
            JsonNode processors = api.query("auditor", "/actuator/health")
                    .json()
                    .path("components")
                    .path("projections")
                    .path("details");
            long head = Long.MAX_VALUE;
            boolean caughtUp = processors.size() > 0;
            for (JsonNode processor : processors) {
                head = Math.min(head, processor.path("storeHead").asLong());
                caughtUp &= processor.path("behind").asLong() == 0;
            }
            if (caughtUp && head >= events) {
                log(String.format(
                        "   %d events sealed and projected (waited %.1f s)",
                        head, (System.nanoTime() - started) / 1e9));
                return head;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("read models did not catch up within " + timeout);
    }
}
