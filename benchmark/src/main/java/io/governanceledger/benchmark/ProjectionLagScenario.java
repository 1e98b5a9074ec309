package io.governanceledger.benchmark;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 3: how long after a command its event can be read, with Ledger-Read-After and polled, against
 * a stock tracking processor; and how busy the database is when nothing happens.
 */
final class ProjectionLagScenario extends Scenario {

    ProjectionLagScenario(Scenario.Context context) {
        super(context);
    }

    void projectionLag() throws Exception {
        log("3. cross-process projection lag, " + settings.lagSamples() + " samples of each way to read ...");
        Workload program = Workload.program(api, "LAG-1");
        // two ways to see a write, taking turns so that both meet the same conditions: a read that names
        // the command's event and is answered once the read models have it, and a client polling
        Latencies waited = new Latencies();
        Latencies polled = new Latencies();
        for (int i = 0; i < 2 * (settings.lagSamples() + 10); i++) {
            Api.Answer recorded = program.recordDecisionAnswer();
            long accepted = System.nanoTime();
            String decision = "/api/programs/LAG-1/decisions/"
                    + recorded.json().path("id").asText();
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
        try (StockAxon writer = StockAxon.writer(stockLagDatabase);
                StockAxon reader = StockAxon.reader(stockLagDatabase)) {
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
        results.add(new Result(
                "3 projection lag",
                "read after the event: p50",
                "ms",
                waited.millis(50),
                stock,
                stockLatencies.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "3 projection lag",
                "read after the event: p99",
                "ms",
                waited.millis(99),
                stock,
                stockLatencies.millis(99),
                false,
                50,
                Double.NaN,
                "from the command's 2xx to the decision's 200 from a read sent at once with the command's"
                        + " Ledger-Event-Id as Ledger-Read-After (answered once every read model has"
                        + " every event up to it); stock: append by one Axon instance to the handler of another's"
                        + " tracking processor"));
        results.add(new Result(
                "3 projection lag",
                "polled: p50",
                "ms",
                polled.millis(50),
                stock,
                stockLatencies.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "3 projection lag",
                "polled: p99",
                "ms",
                polled.millis(99),
                stock,
                stockLatencies.millis(99),
                false,
                50,
                Double.NaN,
                "from the command's 2xx to the decision answering 200 to a client polling every 1 ms"));
        results.add(new Result(
                "3 projection lag",
                "database transactions when idle",
                "per s",
                idle,
                null,
                Double.NaN,
                false,
                Double.NaN,
                Double.NaN,
                "both services running, no requests, 5 s"));
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
        long before =
                count(ledger, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'");
        Thread.sleep(window.toMillis());
        long after =
                count(ledger, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'");
        // the two statistics queries are transactions too
        return Math.max(0, after - before - 1) / (window.toNanos() / 1e9);
    }
}
