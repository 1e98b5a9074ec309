package io.governanceledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Api.configureConnections(Scenario.CLIENTS);
        boolean quick = false;
        Path out = Path.of("benchmark-results.json");
        Set<String> scenarios = new TreeSet<>();
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
        if (history != null) {
            settings = settings.withLargeHistory(history);
        }
        List<Result> results = new ArrayList<>();
        Map<String, Object> run = new LinkedHashMap<>();
        Instant started = Instant.now();
        try (BenchmarkSystem system = BenchmarkSystem.start()) {
            Scenario.Context context = new Scenario.Context(system, settings, scenarios, results);
            if (selected(scenarios, "1") || selected(scenarios, "2")) {
                CommandScenarios commands = new CommandScenarios(context);
                if (selected(scenarios, "1")) {
                    commands.commandsOverHttp();
                }
                if (selected(scenarios, "2")) {
                    commands.longLivedAggregate();
                }
            }
            if (selected(scenarios, "10")) {
                new ChangeControlScenario(context).changeControl();
            }
            if (selected(scenarios, "3")) {
                new ProjectionLagScenario(context).projectionLag();
            }
            if (selected(scenarios, "8")) {
                new SignInScenario(context).signIn();
            }
            if (selected(scenarios, "4")
                    || selected(scenarios, "5")
                    || selected(scenarios, "6")
                    || selected(scenarios, "9")) {
                new HistoryScenarios(context).largeHistories();
            }
            memory(system, results);
        }
        run.put("mode", settings.mode());
        run.put("startedAt", started.toString());
        run.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.version"));
        System.out.println();
        System.out.println("Governance Ledger benchmark (" + settings.mode() + ", " + run.get("seconds") + " s, "
                + run.get("cores") + " cores)");
        Table.print(results, System.out);
        Table.writeJson(results, run, out);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static boolean selected(Set<String> scenarios, String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    /** Scenario 7: each service's peak resident memory over the whole run. */
    private static void memory(BenchmarkSystem system, List<Result> results) {
        system.commandService()
                .peakRss()
                .ifPresent(rss -> results.add(new Result(
                        "7 memory",
                        "command-service peak RSS",
                        "MB",
                        rss / 1048576.0,
                        null,
                        Double.NaN,
                        false,
                        512,
                        Double.NaN,
                        "VmHWM over the whole run")));
        system.queryService()
                .peakRss()
                .ifPresent(rss -> results.add(new Result(
                        "7 memory",
                        "query-service peak RSS",
                        "MB",
                        rss / 1048576.0,
                        null,
                        Double.NaN,
                        false,
                        512,
                        Double.NaN,
                        "VmHWM over the whole run")));
    }
}
