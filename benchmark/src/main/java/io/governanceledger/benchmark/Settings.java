package io.governanceledger.benchmark;

import java.time.Duration;

/** Sizes and durations of one mode. */
record Settings(
        String mode,
        Duration warmUp,
        Duration commandRun,
        Duration baselineRun,
        int longAggregateEvents,
        int latencySamples,
        int lagSamples,
        int stockLagSamples,
        long smallHistory,
        long largeHistory,
        int timeTravelQueries,
        int timeTravelWarmUp) {

    static Settings quick() {
        return new Settings(
                "quick",
                Duration.ofSeconds(6),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                1_000,
                60,
                120,
                10,
                3_000,
                12_000,
                600,
                4_000);
    }

    static Settings full() {
        return new Settings(
                "full",
                Duration.ofSeconds(90),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                10_000,
                300,
                1_000,
                60,
                1_000_000,
                5_000_000,
                3_000,
                5_000);
    }

    /** The same settings with another size for the large history (scenarios 4, 5 and 6). */
    Settings withLargeHistory(long events) {
        return new Settings(
                mode + ", large history " + events,
                warmUp,
                commandRun,
                baselineRun,
                longAggregateEvents,
                latencySamples,
                lagSamples,
                stockLagSamples,
                Math.min(smallHistory, events),
                events,
                timeTravelQueries,
                timeTravelWarmUp);
    }
}
