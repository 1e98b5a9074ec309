package io.governanceledger.benchmark;

import java.io.BufferedReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scenario 9, the workspace as people meet it, at the large history: pages rendered on the server for
 * random points on both clocks (dashboard, decision register, budget, one decision), against the API's
 * reads of the same records at the same points; and live updates: from a command's answer to the
 * notice on the program's stream, against reading the same write back with {@code Ledger-Read-After}.
 */
final class WorkspaceScenario extends Scenario {

    private static final int LIVE_SAMPLES = 100;

    WorkspaceScenario(Scenario.Context context) {
        super(context);
    }

    void pagesAndLiveUpdates(long size) throws Exception {
        log("9. workspace pages and live updates at " + size + " events ...");
        WorkspaceSession auditor = WorkspaceSession.signIn(system.workspace(), "auditor");
        Sample sample = sample();
        List<String[]> decisions = sample.decisions();
        Instant first = sample.first();
        Instant last = sample.last();
        Latencies pages = new Latencies();
        Latencies reads = new Latencies();
        Latencies[] byPage = {new Latencies(), new Latencies(), new Latencies(), new Latencies()};
        long span = Math.max(1, Duration.between(first, last).toMillis());
        int warmUp = settings.timeTravelWarmUp();
        for (int i = 0; i < settings.timeTravelQueries() + warmUp; i++) {
            String[] decision = decisions.get(ThreadLocalRandom.current().nextInt(decisions.size()));
            String point = "asOf=2026-0" + (1 + ThreadLocalRandom.current().nextInt(9)) + "-1"
                    + ThreadLocalRandom.current().nextInt(10) + "&knownAt="
                    + first.plusMillis(ThreadLocalRandom.current().nextLong(span));
            String program = "/programs/" + decision[0];
            String[] paths = switch (i % 4) {
                case 0 -> new String[] {program + "?" + point, program + "/budget?" + point};
                case 1 -> new String[] {program + "/decisions?" + point, program + "/decisions?" + point};
                case 2 -> new String[] {program + "/budget?" + point, program + "/budget?" + point};
                default ->
                    new String[] {
                        program + "/decisions/" + decision[1] + "?" + point,
                        program + "/decisions/" + decision[1] + "?" + point
                    };
            };
            long began = System.nanoTime();
            Api.Answer page = auditor.get("/workspace" + paths[0]);
            long pageTook = System.nanoTime() - began;
            began = System.nanoTime();
            Api.Answer read = api.query("auditor", "/api" + paths[1]);
            long readTook = System.nanoTime() - began;
            if ((page.status() != 200 && page.status() != 404) || (read.status() != 200 && read.status() != 404)) {
                throw new IllegalStateException(paths[0] + " -> " + page.status() + ", API -> " + read.status());
            }
            if (i >= warmUp) {
                pages.add(pageTook);
                reads.add(readTook);
                byPage[i % 4].add(pageTook);
            }
        }
        String breakdown = String.format(
                java.util.Locale.ROOT,
                "p50/p99 ms: dashboard %.1f/%.1f, register %.1f/%.1f, budget %.1f/%.1f, decision %.1f/%.1f",
                byPage[0].millis(50),
                byPage[0].millis(99),
                byPage[1].millis(50),
                byPage[1].millis(99),
                byPage[2].millis(50),
                byPage[2].millis(99),
                byPage[3].millis(50),
                byPage[3].millis(99));
        String baseline = "API reads of the same records at the same points";
        results.add(new Result(
                "9 workspace pages",
                "p50 at " + size + " events",
                "ms",
                pages.millis(50),
                baseline,
                reads.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                breakdown));
        results.add(new Result(
                "9 workspace pages",
                "p99 at " + size + " events",
                "ms",
                pages.millis(99),
                baseline,
                reads.millis(99),
                false,
                100,
                Double.NaN,
                null));
        liveUpdates(auditor, decisions.get(0)[0]);
    }

    /** From a command's answer to the notice on the program's stream, and to reading the write back. */
    private void liveUpdates(WorkspaceSession session, String programId) throws Exception {
        Latencies live = new Latencies();
        Latencies readBack = new Latencies();
        try (BufferedReader stream = session.follow(programId)) {
            for (int i = 0; i < LIVE_SAMPLES; i++) {
                Api.Answer recorded =
                        api.accepted("pmo", "/api/programs/" + programId + "/decisions", """
                        {"title": "Live %d", "context": "c", "options": [{"key": "A", "description": "a"}],
                         "rationale": "r", "decidingBody": "Steering Committee"}""".formatted(i));
                long answered = System.nanoTime();
                String line;
                while ((line = stream.readLine()) != null) {
                    if (line.startsWith("event:") && line.contains("ledger")) {
                        break;
                    }
                }
                live.add(System.nanoTime() - answered);
                long began = System.nanoTime();
                api.queryAfter("auditor", "/api/programs/" + programId, recorded.eventId());
                readBack.add(System.nanoTime() - began);
            }
        }
        results.add(new Result(
                "9 live updates",
                "p50 command answer -> page notified",
                "ms",
                live.millis(50),
                "read back with Ledger-Read-After",
                readBack.millis(50),
                false,
                Double.NaN,
                Double.NaN,
                null));
        results.add(new Result(
                "9 live updates",
                "p99 command answer -> page notified",
                "ms",
                live.millis(99),
                "read back with Ledger-Read-After",
                readBack.millis(99),
                false,
                1000,
                Double.NaN,
                null));
    }
}
